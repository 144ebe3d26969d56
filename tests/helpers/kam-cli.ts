// Runs the `kam` command line as a newcomer would: a real process, with only the environment a test gives it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const KAM = join(ROOT, 'bin', 'kam.js');

export interface KamRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function kam(args: string[], env: Record<string, string>, input = ''): Promise<KamRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KAM, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KAM_USER: 'Dana Scully', ...env },
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
