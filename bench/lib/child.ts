// A benchmark server or worker in a process of its own (TypeScript through tsx), spoken to over IPC: a fresh process
// per scenario and run, as the performance-floors method asks, so one scenario's garbage, caches and JIT state never
// colour the next.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './dataset.ts';
import { forget } from './http-client.ts';

export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

export interface ChildOptions {
  env?: Record<string, string>;
  args?: string[];
  /** Write CPU profiles (node --cpu-prof) into this directory when the process exits; one per thread. */
  cpuProfileDir?: string;
}

export class Child {
  private readonly waiting: { type: string; resolve: (message: ChildMessage) => void }[] = [];
  private readonly exited: Promise<number | null>;
  private failure: Error | null = null;

  private constructor(readonly process: ChildProcess) {
    process.on('message', (message: ChildMessage) => {
      if (message.type === 'error') {
        this.failure = new Error(`child failed: ${String(message.message)}`);
        for (const waiter of this.waiting.splice(0)) waiter.resolve(message);
        return;
      }
      const index = this.waiting.findIndex((waiter) => waiter.type === message.type);
      if (index >= 0) this.waiting.splice(index, 1)[0]?.resolve(message);
    });
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    this.exited.then((code) => {
      if (this.waiting.length > 0) {
        this.failure ??= new Error(`child exited with code ${code} while the benchmark waited for it`);
        for (const waiter of this.waiting.splice(0)) waiter.resolve({ type: 'error', message: String(code) });
      }
    });
  }

  /** Starts `script` (relative to the repository) with tsx; resolves once it says it is ready. */
  static async start(script: string, options: ChildOptions = {}): Promise<{ child: Child; ready: ChildMessage }> {
    const execArgv = ['--import', 'tsx'];
    if (options.cpuProfileDir) {
      // No --cpu-prof-name: tsx's loader runs in a thread of its own, which would write over the main thread's file.
      execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
    }
    const child = new Child(
      fork(join(ROOT, script), options.args ?? [], {
        cwd: ROOT,
        execArgv,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    const ready = await child.next('ready');
    if (typeof ready.url === 'string') child.url = ready.url;
    return { child, ready };
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Waits for the next message of this type. */
  async next(type: string): Promise<ChildMessage> {
    const message = await new Promise<ChildMessage>((resolve) => this.waiting.push({ type, resolve }));
    if (this.failure) throw this.failure;
    return message;
  }

  /** Sends a message and waits for the answer of type `answer`. */
  async ask(message: ChildMessage, answer = 'result'): Promise<ChildMessage> {
    const reply = this.next(answer);
    this.process.send(message);
    return reply;
  }

  /** The server's URL, when it is one: its connections are dropped when it stops. */
  url: string | null = null;

  /** Asks the process to finish (so a CPU profile gets written), killing it if it does not within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.url) forget(this.url);
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.process.connected) this.process.send({ type: 'stop' });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Resident memory of a process from /proc (Linux): now, and the peak so far (VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** For child processes: answers the runner's messages until it says stop. */
export function serveRunner(
  handlers: Record<string, (message: ChildMessage) => Promise<unknown>>,
  stop: () => Promise<void>,
) {
  process.on('message', async (message: ChildMessage) => {
    try {
      if (message.type === 'stop') {
        await stop();
        process.exit(0);
      }
      const handler = handlers[message.type];
      if (!handler) throw new Error(`no handler for ${message.type}`);
      const result = await handler(message);
      process.send?.({ type: 'result', ...(result as object) });
    } catch (error) {
      process.send?.({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** A directory of its own for one process's CPU profiles. */
export function profileDirFor(ctx: { profileDir: string | null }, name: string): string {
  const dir = join(ctx.profileDir ?? '', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The main thread's profile in a directory: the largest file (the loader thread's is small). */
export function mainProfile(dir: string): string | null {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => ({ path: join(dir, name), size: statSync(join(dir, name)).size }));
    return files.sort((a, b) => b.size - a.size)[0]?.path ?? null;
  } catch {
    return null;
  }
}
