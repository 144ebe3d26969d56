// The forms Slack (modals) and Teams (Adaptive Cards) show for new/edit account, note and task. The console shows
// the equivalent command instead. What a submitted form does is in form-submissions.ts.
import type { Account } from '../domain/records.ts';
import { ACCOUNT_STATUSES, TIER_NAMES, TIERS } from '../domain/records.ts';
import { reply } from '../replies/build.ts';
import { accountLabel, humanize } from '../replies/format.ts';
import type { FormField, Reply } from '../replies/reply.ts';

export const FORM_IDS = {
  newAccount: 'account_new',
  editAccount: 'account_edit',
  note: 'note_new',
  task: 'task_new',
} as const;

const tierOptions = TIERS.map((tier) => ({ label: `${tier} (${TIER_NAMES[tier]})`, value: tier }));

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

export function newAccountForm(): Reply {
  return form(
    FORM_IDS.newAccount,
    'New account',
    'Create',
    [
      { name: 'name', label: 'Name', kind: 'text', required: true, maxLength: 120 },
      { name: 'tier', label: 'Tier', kind: 'select', value: 'B', options: tierOptions },
      { name: 'owner', label: 'Owner', kind: 'user' },
      { name: 'parent', label: 'Parent account', kind: 'account' },
      { name: 'region', label: 'Region', kind: 'text', maxLength: 60 },
      { name: 'country', label: 'Country', kind: 'text', maxLength: 60 },
    ],
    '/account new <name> [tier:A] [owner:@name] [parent:<account>] [region:EMEA]',
  );
}

export function editAccountForm(account: Account): Reply {
  return form(
    FORM_IDS.editAccount,
    `Edit ${accountLabel(account)}`,
    'Save',
    [
      { name: 'name', label: 'Name', kind: 'text', required: true, maxLength: 120, value: account.name },
      { name: 'tier', label: 'Tier', kind: 'select', value: account.tier, options: tierOptions },
      {
        name: 'status',
        label: 'Status',
        kind: 'select',
        value: account.status,
        options: ACCOUNT_STATUSES.map((status) => ({ label: humanize(status), value: status })),
      },
      { name: 'region', label: 'Region', kind: 'text', maxLength: 60, value: account.region ?? '' },
      { name: 'country', label: 'Country', kind: 'text', maxLength: 60, value: account.country ?? '' },
      { name: 'sector', label: 'Sector', kind: 'text', maxLength: 60, value: account.sector ?? '' },
      {
        name: 'renewal',
        label: 'Contract renewal',
        kind: 'date',
        value: account.renewalAt?.toISOString().slice(0, 10) ?? '',
      },
      {
        name: 'strategy',
        label: 'Strategy and goals',
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
function accountField(account: Account | null): FormField {
  const field: FormField = { name: 'account', label: 'Account', kind: 'account', required: true };
  return account ? { ...field, value: String(account.id), valueLabel: accountLabel(account) } : field;
}

export function noteForm(account: Account | null, text = ''): Reply {
  return form(
    FORM_IDS.note,
    account ? `Note on ${account.name}` : 'Save a note',
    'Save',
    [
      accountField(account),
      { name: 'body', label: 'Note', kind: 'textarea', required: true, maxLength: 40_000, value: text },
    ],
    `/account note ${account?.key ?? '<account>'} <text>`,
    account ? String(account.id) : undefined,
  );
}

export function taskForm(account: Account | null): Reply {
  return form(
    FORM_IDS.task,
    account ? `Follow-up on ${account.name}` : 'New follow-up',
    'Add',
    [
      accountField(account),
      { name: 'title', label: 'What', kind: 'text', required: true, maxLength: 200 },
      { name: 'due', label: 'Due', kind: 'date' },
      { name: 'assignee', label: 'Who', kind: 'user' },
    ],
    `/account task add ${account?.key ?? '<account>'} <what> [due:friday]`,
    account ? String(account.id) : undefined,
  );
}
