// Start-up and memory through the real command line (node bin/kam.js), as people start kam-bot:
// - the console: from spawning `kam` until the chat shows its prompt;
// - serving Slack and Teams: from spawning `kam serve` until /healthz answers;
// then, in that serving process, resident memory at its peak (VmHWM) while idle, after one answer per platform,
// and while computing a digest over every account (`/account digest preview` through Slack).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { memoryOf } from '../lib/child.ts';
import { type BenchContext, serveEnv } from '../lib/context.ts';
import { ROOT } from '../lib/dataset.ts';
import type { Arrival } from '../lib/fake-platform.ts';
import { send, signedSlashCommand } from '../lib/http-client.ts';
import { readIndex, visibleTo } from '../lib/workload.ts';

const CLI = join(ROOT, 'bin', 'kam.js');

export interface StartupRun {
  consoleMs: number;
  servingMs: number;
  idlePeakMb: number;
  idleRssMb: number;
  answeredPeakMb: number;
  digestPeakMb: number;
  digestMs: number;
  digestOk: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `kam` with no platform configured opens the console chat; the prompt means it is ready for the first command. */
async function consoleStart(ctx: BenchContext): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${ctx.dbPath}`,
    KAM_USER: ctx.meta.member.login,
    LOG_LEVEL: 'warn',
  };
  for (const name of [
    'SLACK_BOT_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_APP_TOKEN',
    'TEAMS_APP_ID',
    'TEAMS_APP_PASSWORD',
  ]) {
    delete env[name];
  }
  const started = performance.now();
  const child = spawn(process.execPath, [CLI], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('kam> ')) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`the console exited (${code}) before its prompt: ${output}`)));
  });
  child.stdin.end('exit\n');
  await new Promise((resolve) => child.once('exit', resolve));
  return ready;
}

export async function startupRun(ctx: BenchContext): Promise<StartupRun> {
  const consoleMs = await consoleStart(ctx);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...serveEnv(ctx), PORT: String(port) };
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    let servingMs = Number.NaN;
    while (Number.isNaN(servingMs)) {
      if (child.exitCode !== null) throw new Error(`kam serve exited (${child.exitCode}): ${stderr}`);
      if (performance.now() - started > 60_000) throw new Error(`kam serve did not answer /healthz in 60 s: ${stderr}`);
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.ok) servingMs = performance.now() - started;
      } catch {
        await sleep(5);
      }
    }
    await sleep(2_000);
    const idle = memoryOf(child.pid ?? -1);

    // One answer on each platform, an account card for an account the member may see: the first command loads what
    // every command needs (the account index and matcher, Prisma). A name that matches nothing would also build the
    // typo index, which people meet only when they mistype.
    const [shown] = visibleTo(ctx.dbPath, readIndex(ctx.dbPath, ctx.meta.workspaceId), ctx.meta.member);
    const key = shown?.key ?? 'missing';
    const answered = (path: (arrival: Arrival) => boolean) =>
      new Promise<Arrival>((resolve) => {
        ctx.fake.onArrival = (arrival) => {
          if (path(arrival)) resolve(arrival);
        };
      });
    // Ids of their own in every run: kam-bot recognises a trigger or activity id it has seen as a redelivery.
    const run = `${Date.now()}`;
    const command = (text: string, id: string) => signedSlashCommand(ctx, text, `${id}-${run}`);
    const slackAnswer = answered((arrival) => arrival.path === `/response/startup-show-${run}`);
    await send(url, command(`show ${key}`, 'startup-show'));
    await slackAnswer;
    const teamsAnswer = answered((arrival) => arrival.path.includes(`/activities/startup-teams-${run}`));
    await send(url, {
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `startup-teams-${run}`,
        text: `account show ${key}`,
        channelId: 'msteams',
        serviceUrl: `${ctx.fake.url}/`,
        from: { id: ctx.meta.member.teamsId, name: ctx.meta.member.name, aadObjectId: ctx.meta.member.aadId },
        conversation: { conversationType: 'personal', tenantId: ctx.meta.teamsTenantId, id: 'a:bench-startup' },
        recipient: { id: '28:bench-bot', name: 'kam' },
        channelData: { tenant: { id: ctx.meta.teamsTenantId } },
      }),
    });
    await teamsAnswer;
    await sleep(1_000);
    const afterAnswers = memoryOf(child.pid ?? -1);

    // A digest over every account, computed in the serving process.
    const digestAnswer = answered((arrival) => arrival.path === `/response/startup-digest-${run}`);
    const digestStarted = performance.now();
    await send(url, command('digest preview', 'startup-digest'));
    const digest = await Promise.race([digestAnswer, sleep(120_000).then(() => null)]);
    const digestMs = performance.now() - digestStarted;
    const afterDigest = memoryOf(child.pid ?? -1);
    return {
      consoleMs,
      servingMs,
      idlePeakMb: idle?.peakMb ?? Number.NaN,
      idleRssMb: idle?.rssMb ?? Number.NaN,
      answeredPeakMb: afterAnswers?.peakMb ?? Number.NaN,
      digestPeakMb: afterDigest?.peakMb ?? Number.NaN,
      digestMs,
      digestOk: digest?.raw.includes('igest') ?? false,
    };
  } finally {
    ctx.fake.onArrival = () => {};
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
