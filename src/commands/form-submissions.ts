// What a submitted form does. Platforms hand over the values as strings (user pickers already turned into kam-bot
// user ids, account pickers into account ids); each form's schema checks them before anything is saved.

import { z } from 'zod';
import { stripControlCharacters } from '../domain/normalize.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { keyed, t } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { accountLabel } from '../replies/format.ts';
import type { Reply } from '../replies/reply.ts';
import { firstIssue } from './command.ts';
import { actorOf, type CommandContext, timeZoneOf, viewerOf } from './context.ts';
import { checkNewName } from './edit.ts';
import { FORM_IDS } from './forms.ts';
import { createAccount } from './new.ts';
import { captureNote, NoteBodySchema } from './note.ts';
import { requireEdit } from './permissions.ts';
import { PLATFORM_MENTION, resolveUser } from './resolve-user.ts';
import { AccountNameSchema, AccountStatusSchema, shortText, TierSchema } from './schemas.ts';
import { TaskTitleSchema, taskAdded } from './task.ts';
import { findTodos } from './todos.ts';
import { daySchema } from './values/dates.ts';

/** An empty field is a field left blank. */
const blank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const Id = z.coerce
  .number({ error: keyed('form.pickOne') })
  .int()
  .positive(keyed('form.pickOne'));

function parse<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new ValidationError(firstIssue(parsed.error));
  return parsed.data;
}

async function account(ctx: CommandContext, id: number) {
  const found = await ctx.store.accounts.byId(id, viewerOf(ctx));
  if (!found || found.archivedAt) throw new NotFoundError(keyed('form.accountGone'));
  return found;
}

/** A person picked in a form: a kam-bot user id, or a platform's person kam-bot adds now (resolveUser). */
async function user(ctx: CommandContext, picked: string) {
  if (!/^\d+$/.test(picked)) return resolveUser(ctx, picked);
  const found = await ctx.store.users.byId(Number(picked));
  if (!found) throw new NotFoundError(keyed('form.personUnknown'));
  return found;
}

const Person = z.union([z.string().regex(/^\d+$/), z.string().regex(PLATFORM_MENTION)], {
  error: keyed('form.pickOne'),
});

const NewAccountForm = z.object({
  name: AccountNameSchema,
  tier: blank(TierSchema),
  owner: blank(Person),
  parent: blank(Id),
  region: blank(shortText('region')),
  country: blank(shortText('country')),
});

function EditAccountForm(ctx: CommandContext) {
  return z.object({
    name: AccountNameSchema,
    tier: TierSchema,
    status: AccountStatusSchema,
    region: blank(shortText('region')),
    country: blank(shortText('country')),
    sector: blank(shortText('sector')),
    renewal: blank(daySchema(ctx.now(), timeZoneOf(ctx), 'renewal')),
    strategy: blank(z.string().trim().max(4_000, keyed('form.strategyMax'))),
  });
}

const NoteForm = z.object({ account: Id, body: NoteBodySchema });

function TaskForm(ctx: CommandContext) {
  return z.object({
    account: Id,
    title: TaskTitleSchema,
    due: blank(daySchema(ctx.now(), timeZoneOf(ctx), 'due')),
    assignee: blank(Person),
  });
}

/**
 * Checks a submitted note form as saving it would, without saving anything: lets a platform show a mistake under
 * the form and close it only when the note will be saved, before it fetches what the note needs from the chat.
 */
export async function checkNoteForm(values: Record<string, string>, ctx: CommandContext): Promise<void> {
  const form = parse(NoteForm, values);
  await account(ctx, form.account);
  findTodos(form.body, ctx.now(), timeZoneOf(ctx));
}

export async function submitForm(
  formId: string,
  values: Record<string, string>,
  state: string | undefined,
  ctx: CommandContext,
): Promise<Reply> {
  switch (formId) {
    case FORM_IDS.newAccount: {
      const form = parse(NewAccountForm, values);
      const owner = form.owner ? await user(ctx, form.owner) : undefined;
      const parent = form.parent ? await account(ctx, form.parent) : undefined;
      return createAccount(
        {
          name: form.name,
          ...(form.tier ? { tier: form.tier } : {}),
          ...(owner ? { owner: `<@kam:${owner.id}>` } : {}),
          ...(parent ? { parent: parent.key } : {}),
          ...(form.region ? { region: form.region } : {}),
          ...(form.country ? { country: form.country } : {}),
        },
        ctx,
      );
    }
    case FORM_IDS.editAccount: {
      const target = await account(ctx, parse(Id, state));
      await requireEdit(ctx, target);
      const form = parse(EditAccountForm(ctx), values);
      const updated = await ctx.store.accounts.update(
        target.id,
        {
          name: checkNewName(ctx, target, form.name),
          tier: form.tier,
          status: form.status,
          region: form.region ?? null,
          country: form.country ?? null,
          sector: form.sector ?? null,
          renewalAt: form.renewal ?? null,
          strategy: form.strategy ? stripControlCharacters(form.strategy) : null,
        },
        actorOf(ctx),
      );
      return reply({ tone: 'success', summary: t(ctx.locale, 'form.saved', { account: accountLabel(updated) }) });
    }
    case FORM_IDS.note: {
      const form = parse(NoteForm, values);
      return captureNote(ctx, await account(ctx, form.account), form.body);
    }
    case FORM_IDS.task: {
      const form = parse(TaskForm(ctx), values);
      const target = await account(ctx, form.account);
      const assignee = form.assignee ? await user(ctx, form.assignee) : ctx.user;
      const task = await ctx.store.tasks.add(
        {
          accountId: target.id,
          title: form.title,
          dueAt: form.due ?? null,
          assigneeId: assignee.id,
          createdById: ctx.user.id,
        },
        actorOf(ctx),
      );
      return taskAdded(task, target, assignee, ctx);
    }
    default:
      throw new ValidationError(keyed('form.outOfDate'));
  }
}
