// `opp add <account> <title> [value:120k] [close:2027-03-31] …` and `opp <id> stage:won …`.

import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import type { Account } from '../domain/records.ts';
import { NotFoundError, PermissionError, ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { confirmButton, context, reply } from '../replies/build.ts';
import { accountLabel, formatDay, valueLabel } from '../replies/format.ts';
import type { OpportunityPatch } from '../store/store.ts';
import { accountAndText } from './account-and-text.ts';
import { type CommandInput, defineCommand, parseWith, textAfter, wholeOptions } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { canEdit } from './permissions.ts';
import { unquote } from './resolve-account.ts';
import { resolveUser } from './resolve-user.ts';
import { ProbabilitySchema, StageSchema } from './schemas.ts';
import { daySchema } from './values/dates.ts';
import { moneySchema } from './values/money.ts';

const USAGE =
  '/account opp add <account> <title> [value:120k] [close:2027-03-31] [stage:qualify] [competitors:"A, B"]   or   /account opp <id> stage:won';
const OPTIONS = ['value', 'close', 'stage', 'probability', 'competitors', 'loss', 'owner', 'title', 'reopen'] as const;

function fieldsSchema(ctx: CommandContext) {
  return z
    .object({
      title: z.string().trim().min(1, keyed('opp.needTitle')).max(200, keyed('opp.titleMax')).optional(),
      value: moneySchema('value').optional(),
      close: daySchema(ctx.now(), timeZoneOf(ctx), 'close').optional(),
      stage: StageSchema.optional(),
      probability: ProbabilitySchema.optional(),
      competitors: z
        .string()
        .transform((value) =>
          value
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().max(80, keyed('opp.competitorMax'))).max(10, keyed('opp.competitorsMax')))
        .optional(),
      loss: z.string().trim().max(300, keyed('opp.lossMax')).optional(),
      owner: z.string().optional(),
      reopen: z.string().optional(),
    })
    .strict();
}

type Fields = z.output<ReturnType<typeof fieldsSchema>>;

async function patchOf(fields: Fields, account: Account, ctx: CommandContext): Promise<OpportunityPatch> {
  if (fields.value?.currency && fields.value.currency !== account.currency) {
    throw new ValidationError(keyed('opp.currency', { name: account.name, currency: account.currency }));
  }
  return {
    ...(fields.title === undefined ? {} : { title: stripControlCharacters(fields.title) }),
    ...(fields.value === undefined ? {} : { value: fields.value.amount }),
    ...(fields.close === undefined ? {} : { expectedCloseAt: fields.close }),
    ...(fields.stage === undefined ? {} : { stage: fields.stage }),
    ...(fields.probability === undefined ? {} : { probability: fields.probability }),
    ...(fields.competitors === undefined ? {} : { competitors: fields.competitors }),
    ...(fields.loss === undefined ? {} : { lossReason: stripControlCharacters(fields.loss) }),
    ...(fields.owner === undefined ? {} : { ownerId: (await resolveUser(ctx, fields.owner)).id }),
  };
}

async function add(input: CommandInput, ctx: CommandContext) {
  const { account, text } = await accountAndText(textAfter(input, 0, OPTIONS), ctx);
  // "Rollout phase 2" in quotes: the quotes group the words, they are not part of the title.
  const title = input.options.title ?? unquote(text);
  const fields = parseWith(fieldsSchema(ctx), { ...input.options, title }, USAGE);
  if (!fields.title) {
    throw new ValidationError(keyed('opp.needTitleExample'), USAGE);
  }
  if (fields.stage === 'lost' && !fields.loss) throw new ValidationError(keyed('opp.sayWhyLost'), USAGE);
  const patch = await patchOf(fields, account, ctx);
  const opp = await ctx.store.opportunities.add(
    {
      ...patch,
      accountId: account.id,
      title: patch.title ?? fields.title,
      currency: account.currency,
      ownerId: patch.ownerId ?? ctx.user.id,
      stageChangedAt: ctx.now(),
      closedAt: fields.stage === 'won' || fields.stage === 'lost' ? ctx.now() : null,
    },
    actorOf(ctx),
  );
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'opp.added', {
      id: opp.id,
      title: opp.title,
      stage: valueLabel(ctx.locale, 'stage', opp.stage),
      account: accountLabel(account),
    }),
    blocks: [context(t(ctx.locale, 'opp.moveOn', { id: opp.id }))],
  });
}

async function update(id: number, input: CommandInput, ctx: CommandContext) {
  if (Object.keys(input.options).length === 0) {
    throw new ValidationError(keyed('opp.sayWhat', { id }), USAGE);
  }
  const { options, before } = wholeOptions(input, 0, OPTIONS);
  if (before) throw new ValidationError(keyed('engine.strayWords', { words: before }), USAGE);
  const fields = parseWith(fieldsSchema(ctx), options, USAGE);
  const existing = await ctx.store.opportunities.byId(id);
  const account = existing ? await ctx.store.accounts.byId(existing.accountId, viewerOf(ctx)) : null;
  if (!existing || !account) throw new NotFoundError(keyed('opp.noSuch', { id }));
  if (existing.ownerId !== ctx.user.id && !(await canEdit(ctx, account))) {
    throw new PermissionError(keyed('opp.notYours', { name: account.name }));
  }
  if (fields.stage === 'lost' && !fields.loss && !existing.lossReason) {
    throw new ValidationError(keyed('opp.sayWhyLostId', { id }), USAGE);
  }
  // A won deal is revenue someone counts on: moving it off won is asked first, and nothing changes until confirmed.
  if (existing.stage === 'won' && fields.stage && fields.stage !== 'won' && fields.reopen === undefined) {
    const again = `opp ${id} ${input.rest.replace(/^#?\d+\s*/, '')} reopen:yes`;
    return reply({
      tone: 'warning',
      summary: t(ctx.locale, 'opp.reopenAsk', {
        id,
        title: existing.title,
        day: existing.closedAt ? formatDay(existing.closedAt, ctx.locale) : 'none',
        stage: valueLabel(ctx.locale, 'stage', fields.stage),
      }),
      blocks: [confirmButton(t(ctx.locale, 'opp.reopenButton'), again)],
    });
  }
  const opp = await ctx.store.opportunities.update(id, await patchOf(fields, account, ctx), actorOf(ctx), ctx.now());
  const moved = Boolean(fields.stage && fields.stage !== existing.stage);
  return reply({
    tone: 'success',
    summary: t(ctx.locale, 'opp.updated', {
      id,
      title: opp.title,
      name: account.name,
      moved: moved ? 'yes' : 'none',
      from: valueLabel(ctx.locale, 'stage', existing.stage),
      to: valueLabel(ctx.locale, 'stage', opp.stage),
    }),
  });
}

export const opp = defineCommand({
  name: 'opp',
  aliases: ['opportunity', 'deal'],
  summary: 'help.opp',
  usage: USAGE,
  examples: [
    '/account opp add nordwind Warehouse automation value:450k close:2027-03-31 competitors:"Sundt Automation"',
    '/account opp 7 stage:negotiate probability:70',
    '/account opp 7 stage:lost loss:"price: 15% above Initech"',
  ],
  options: OPTIONS,
  schema: z.object({
    action: z
      .string({
        error: keyed('opp.sayAddOrNumber'),
      })
      .regex(/^(add|#?\d+)$/i, keyed('opp.sayAdd')),
    input: z.custom<CommandInput>(),
  }),
  toArgs: (input) => ({ action: input.positional[0], input }),
  run: async ({ action, input }, ctx) => {
    if (action.toLowerCase() === 'add') return add(input, ctx);
    return update(Number(action.replace('#', '')), input, ctx);
  },
});
