// The forms Slack (modals) and Teams (Adaptive Cards) show for new/edit account, note and task. The console shows
// the equivalent command instead. What a submitted form does is in form-submissions.ts.
import type { Account } from '../domain/records.ts';
import { ACCOUNT_STATUSES, TIERS } from '../domain/records.ts';
import type { Locale } from '../i18n/locale.ts';
import { t, translator } from '../i18n/translate.ts';
import { reply } from '../replies/build.ts';
import { accountLabel, valueLabel } from '../replies/format.ts';
import type { FormField, Reply } from '../replies/reply.ts';

export const FORM_IDS = {
  newAccount: 'account_new',
  editAccount: 'account_edit',
  note: 'note_new',
  task: 'task_new',
} as const;

function tierOptions(locale: Locale) {
  return TIERS.map((tier) => ({ label: t(locale, 'value.tier', { tier }), value: tier }));
}

function form(
  formId: string,
  title: string,
  submitLabel: string,
  fields: FormField[],
  command: string,
  state?: string,
): Reply {
  return reply({
    summary: title,
    blocks: [{ type: 'form', formId, title, submitLabel, fields, command, ...(state === undefined ? {} : { state }) }],
  });
}

export function newAccountForm(locale: Locale): Reply {
  const tr = translator(locale);
  return form(
    FORM_IDS.newAccount,
    tr('form.newAccount'),
    tr('form.create'),
    [
      { name: 'name', label: tr('form.name'), kind: 'text', required: true, maxLength: 120 },
      { name: 'tier', label: tr('form.tier'), kind: 'select', value: 'B', options: tierOptions(locale) },
      { name: 'owner', label: tr('form.owner'), kind: 'user' },
      { name: 'parent', label: tr('form.parent'), kind: 'account' },
      { name: 'region', label: tr('form.region'), kind: 'text', maxLength: 60 },
      { name: 'country', label: tr('form.country'), kind: 'text', maxLength: 60 },
    ],
    '/account new <name> [tier:A] [owner:@name] [parent:<account>] [region:EMEA]',
  );
}

export function editAccountForm(account: Account, locale: Locale): Reply {
  const tr = translator(locale);
  return form(
    FORM_IDS.editAccount,
    tr('form.editAccount', { account: accountLabel(account) }),
    tr('form.save'),
    [
      { name: 'name', label: tr('form.name'), kind: 'text', required: true, maxLength: 120, value: account.name },
      { name: 'tier', label: tr('form.tier'), kind: 'select', value: account.tier, options: tierOptions(locale) },
      {
        name: 'status',
        label: tr('form.status'),
        kind: 'select',
        value: account.status,
        options: ACCOUNT_STATUSES.map((status) => ({ label: valueLabel(locale, 'status', status), value: status })),
      },
      { name: 'region', label: tr('form.region'), kind: 'text', maxLength: 60, value: account.region ?? '' },
      { name: 'country', label: tr('form.country'), kind: 'text', maxLength: 60, value: account.country ?? '' },
      { name: 'sector', label: tr('form.sector'), kind: 'text', maxLength: 60, value: account.sector ?? '' },
      {
        name: 'renewal',
        label: tr('form.renewal'),
        kind: 'date',
        value: account.renewalAt?.toISOString().slice(0, 10) ?? '',
      },
      {
        name: 'strategy',
        label: tr('form.strategy'),
        kind: 'textarea',
        maxLength: 4_000,
        value: account.strategy ?? '',
      },
    ],
    `/account edit ${account.key} field:value …`,
    String(account.id),
  );
}

/** The account picker, showing the account when there is one already. */
function accountField(account: Account | null, locale: Locale): FormField {
  const field: FormField = { name: 'account', label: t(locale, 'form.account'), kind: 'account', required: true };
  return account ? { ...field, value: String(account.id), valueLabel: accountLabel(account) } : field;
}

export function noteForm(account: Account | null, locale: Locale, text = ''): Reply {
  const tr = translator(locale);
  return form(
    FORM_IDS.note,
    account ? tr('form.noteOn', { name: account.name }) : tr('form.saveNote'),
    tr('form.save'),
    [
      accountField(account, locale),
      { name: 'body', label: tr('form.note'), kind: 'textarea', required: true, maxLength: 40_000, value: text },
    ],
    `/account note ${account?.key ?? '<account>'} <text>`,
    account ? String(account.id) : undefined,
  );
}

export function taskForm(account: Account | null, locale: Locale): Reply {
  const tr = translator(locale);
  return form(
    FORM_IDS.task,
    account ? tr('form.followUpOn', { name: account.name }) : tr('form.newFollowUp'),
    tr('form.add'),
    [
      accountField(account, locale),
      { name: 'title', label: tr('form.what'), kind: 'text', required: true, maxLength: 200 },
      { name: 'due', label: tr('form.due'), kind: 'date' },
      { name: 'assignee', label: tr('form.who'), kind: 'user' },
    ],
    `/account task add ${account?.key ?? '<account>'} <what> [due:friday]`,
    account ? String(account.id) : undefined,
  );
}
