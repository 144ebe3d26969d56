// What the buttons in replies do. A button carries an action id and a value; most run the command they stand for,
// a few open a form. The registry of action ids is this file.

import { z } from 'zod';
import { NotFoundError, ValidationError } from '../errors.ts';
import { keyed } from '../i18n/translate.ts';
import type { Reply } from '../replies/reply.ts';
import type { CommandContext } from './context.ts';
import { viewerOf } from './context.ts';
import { editAccountForm, FORM_IDS, newAccountForm, noteForm, taskForm } from './forms.ts';
import { requireEdit } from './permissions.ts';

export type ActionResult = { kind: 'command'; text: string } | { kind: 'reply'; reply: Reply };

async function accountById(ctx: CommandContext, value: string) {
  const id = Number(value);
  const account = Number.isInteger(id) ? await ctx.store.accounts.byId(id, viewerOf(ctx)) : null;
  if (!account || account.archivedAt) throw new NotFoundError(keyed('action.gone'));
  return account;
}

/** Commands that a button on an account stands for. */
const ACCOUNT_COMMANDS: Record<string, string> = {
  account_show: 'show',
  notes_show: 'notes',
  health_show: 'health',
  timeline_show: 'timeline',
};

export const ACTION_IDS = [
  'account_choose',
  ...Object.keys(ACCOUNT_COMMANDS),
  'task_done',
  'note_open',
  'task_open',
  'account_edit_open',
  'form_open',
  'digest_unsubscribe',
] as const;

const FormRequestSchema = z.object({ formId: z.string(), state: z.string().optional() });

/** A form asked for by name (`{"formId":"note_new","state":"12"}`): the state is the account it is about, if any. */
async function openForm(value: string, ctx: CommandContext): Promise<Reply> {
  let request: z.output<typeof FormRequestSchema>;
  try {
    request = FormRequestSchema.parse(JSON.parse(value));
  } catch {
    throw new ValidationError(keyed('action.stale'));
  }
  const account = request.state ? await accountById(ctx, request.state) : null;
  switch (request.formId) {
    case FORM_IDS.newAccount:
      return newAccountForm(ctx.locale);
    case FORM_IDS.editAccount:
      if (!account) throw new ValidationError(keyed('action.whichToEdit'));
      await requireEdit(ctx, account);
      return editAccountForm(account, ctx.locale);
    case FORM_IDS.note:
      return noteForm(account, ctx.locale);
    case FORM_IDS.task:
      return taskForm(account, ctx.locale);
    default:
      throw new ValidationError(keyed('action.stale'));
  }
}

export async function resolveAction(actionId: string, value: string, ctx: CommandContext): Promise<ActionResult> {
  const accountCommand = ACCOUNT_COMMANDS[actionId];
  if (accountCommand) return { kind: 'command', text: `${accountCommand} ${(await accountById(ctx, value)).key}` };
  switch (actionId) {
    case 'account_choose':
      // The value is the command the choice stands for, written by the engine; it is parsed like typed text.
      return { kind: 'command', text: value };
    case 'digest_unsubscribe':
      return { kind: 'command', text: `digest unsubscribe ${Number.parseInt(value, 10)}` };
    case 'task_done':
      return { kind: 'command', text: `done ${Number.parseInt(value, 10)}` };
    case 'note_open':
      return { kind: 'reply', reply: noteForm(await accountById(ctx, value), ctx.locale) };
    case 'task_open':
      return { kind: 'reply', reply: taskForm(await accountById(ctx, value), ctx.locale) };
    case 'account_edit_open': {
      const account = await accountById(ctx, value);
      await requireEdit(ctx, account);
      return { kind: 'reply', reply: editAccountForm(account, ctx.locale) };
    }
    case 'form_open':
      return { kind: 'reply', reply: await openForm(value, ctx) };
    default:
      throw new ValidationError(keyed('action.stale'));
  }
}
