// The in-process scenarios, each run in a fresh process: account resolution, search, the digest and health over
// every account. They call the app's own code (store, commands, domain, renderers) the way the commands do, and
// time it with performance.now(); the runner only collects the numbers.
import type { CommandContext } from '../../src/commands/context.ts';
import { healthOfMany } from '../../src/commands/health-service.ts';
import { resolveAccount } from '../../src/commands/resolve-account.ts';
import { vocabularyFor } from '../../src/commands/vocabulary.ts';
import { composeDigest } from '../../src/domain/digest.ts';
import { computeHealth } from '../../src/domain/health.ts';
import { resolveHealthSettings } from '../../src/domain/health-settings.ts';
import type { User } from '../../src/domain/records.ts';
import { renderMessage } from '../../src/platforms/slack/blocks.ts';
import { renderCard } from '../../src/platforms/teams/reply-cards.ts';
import { digestReply } from '../../src/replies/digest-reply.ts';
import { Store, scoringFactsOf } from '../../src/store/store.ts';
import { understand } from '../../src/understanding/understand.ts';
import { type ChildMessage, serveRunner } from '../lib/child.ts';
import type { Persona } from '../lib/dataset.ts';

const DAY_MS = 86_400_000;
const store = await Store.open(process.env.DATABASE_URL ?? '');
const workspaceId = Number(process.env.BENCH_WORKSPACE ?? 1);
const ws = store.forWorkspace(workspaceId);
const workspace = await ws.workspaceSettings.get();

function userOf(persona: Persona): User {
  return {
    id: persona.userId,
    workspaceId,
    displayName: persona.name,
    email: null,
    role: persona.role,
    timeZone: 'Europe/Berlin',
    locale: null,
  };
}

function contextFor(persona: Persona): CommandContext {
  return {
    store: ws,
    workspace,
    user: userOf(persona),
    origin: 'console',
    channel: null,
    surface: { forms: false, buttons: false },
    thread: null,
    message: null,
    locale: 'en',
    disclosure: { restricted: false },
    now: () => new Date(),
  };
}

const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

const handlers: Record<string, (message: ChildMessage) => Promise<unknown>> = {
  /** Resolves each reference as `/account show` does; times it and says what it found. */
  async resolve(message) {
    const persona = message.persona as Persona;
    const refs = message.references as { text: string; accountId: number }[];
    const warmup = Number(message.warmup ?? 0);
    const capMs = Number(message.capMs ?? Number.POSITIVE_INFINITY);
    const samples: number[] = [];
    const outcomes: { found: boolean; right: boolean; question: boolean }[] = [];
    const resolve = async (text: string) => {
      const ctx = contextFor(persona);
      const start = performance.now();
      let id: number | null = null;
      let question = false;
      try {
        id = (await resolveAccount(ctx, text)).id;
      } catch (error) {
        question = (error as Error).name === 'AccountChoiceError';
      }
      return { id, question, ms: performance.now() - start };
    };
    for (let i = 0; i < warmup; i++) await resolve(refs[i % refs.length]?.text ?? '');
    const started = performance.now();
    for (const ref of refs) {
      if (performance.now() - started > capMs) break;
      const { id, question, ms } = await resolve(ref.text);
      samples.push(ms);
      outcomes.push({ found: id !== null, right: id === ref.accountId, question });
    }
    return { samples, outcomes };
  },

  /**
   * Understands each sentence as the engine does for a plain message: the person's vocabulary (the accounts they
   * may see, the colleagues) is read for every message, then the sentence is read into a command.
   */
  async understand(message) {
    const persona = message.persona as Persona;
    const sentences = message.sentences as string[];
    const warmup = Number(message.warmup ?? 0);
    const once = async (text: string) => understand(text, await vocabularyFor(contextFor(persona)));
    for (let i = 0; i < warmup; i++) await once(sentences[i % sentences.length] ?? '');
    const samples: number[] = [];
    let understood = 0;
    for (const sentence of sentences) {
      const start = performance.now();
      const result = await once(sentence);
      samples.push(performance.now() - start);
      if (result.kind !== 'unknown') understood++;
    }
    return { samples, understood };
  },

  /** Runs each query through the search the `search` command uses, as the given person. */
  async search(message) {
    const persona = message.persona as Persona;
    const queries = message.queries as string[];
    const warmup = Number(message.warmup ?? 0);
    const viewer = { userId: persona.userId, role: persona.role };
    for (let i = 0; i < warmup; i++) ws.search.search(queries[i % queries.length] ?? '', viewer);
    const samples: number[] = [];
    let hits = 0;
    for (const query of queries) {
      const start = performance.now();
      const results = ws.search.search(query, viewer);
      samples.push(performance.now() - start);
      hits += results.notes.length;
    }
    return { samples, hits };
  },

  /** One digest over every open account: read, compose, build the reply, render for Slack and Teams. */
  async digest(message) {
    const repeat = Number(message.repeat ?? 3);
    const settings = resolveHealthSettings(workspace.healthSettings);
    const runs: Record<string, number>[] = [];
    let size = { accounts: 0, slackBytes: 0, teamsBytes: 0, blocks: 0 };
    let maxRssAfterFirst = 0;
    for (let i = 0; i < repeat + 1; i++) {
      const now = new Date();
      const [input, readMs] = await time(() => ws.digestData.read({}, now, settings, null));
      const [digest, composeMs] = await time(() => composeDigest(input));
      const [reply, replyMs] = await time(() =>
        digestReply(digest, { title: 'Account health digest', timeZone: workspace.timeZone, locale: 'en' }),
      );
      const [slack, slackMs] = await time(() => JSON.stringify(renderMessage(reply)));
      const [teams, teamsMs] = await time(() => JSON.stringify(renderCard(reply)));
      size = {
        accounts: input.accounts.length,
        slackBytes: slack.length,
        teamsBytes: teams.length,
        blocks: reply.blocks.length,
      };
      // Parts of the read, timed apart: the accounts it selects and the health facts of every account (tallied for
      // scoring, as the digest reads them).
      const [, accountsMs] = await time(() => ws.digestData.accounts({}, null));
      const [, factsMs] = await time(() =>
        ws.healthFacts.tallied(now, { countNotesFrom: new Date(now.getTime() - 7 * DAY_MS) }),
      );
      if (i === 0) maxRssAfterFirst = process.resourceUsage().maxRSS / 1024;
      if (i === 0) continue; // the first one warms the caches and the JIT
      runs.push({
        totalMs: readMs + composeMs + replyMs + slackMs,
        readMs,
        composeMs,
        replyMs,
        slackMs,
        teamsMs,
        accountsMs,
        factsMs,
      });
    }
    return { runs, size, maxRssMb: maxRssAfterFirst };
  },

  /** Health of every account, as `list at-risk` and the weekly snapshot job compute it. */
  async health(message) {
    const repeat = Number(message.repeat ?? 3);
    const persona = message.persona as Persona;
    const runs: Record<string, number>[] = [];
    let scored = 0;
    for (let i = 0; i < repeat + 1; i++) {
      const ctx = contextFor(persona);
      const [accounts, accountsMs] = await time(() => ws.accounts.list());
      const [health, healthMs] = await time(() => healthOfMany(ctx, accounts));
      // The same without the command layer: facts read once, then the pure computation, timed apart.
      const now = new Date();
      const [activity, factsMs] = await time(() => ws.healthFacts.tallied(now));
      const settings = resolveHealthSettings(workspace.healthSettings);
      const [, computeMs] = await time(() => {
        for (const account of accounts) {
          computeHealth(scoringFactsOf(account, activity.get(account.id), now), now, settings);
        }
      });
      scored = health.size;
      if (i === 0) continue;
      runs.push({ totalMs: accountsMs + healthMs, accountsMs, healthMs, factsMs, computeMs });
    }
    return { runs, scored };
  },
};

serveRunner(handlers, () => store.close());
process.send?.({ type: 'ready' });
