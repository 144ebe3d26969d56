// What an audited change says in the timeline: "Tier B → A", "Owner Daniel Osei → Katrin Vogel", "gut feel 35
// set: CFO leaves". The store keeps each change's before and after (accounts.ts, changesOf).
import type { Locale } from '../i18n/locale.ts';
import { type MessageKey, t } from '../i18n/translate.ts';
import { formatDay, formatMoney, valueLabel } from '../replies/format.ts';

interface Change {
  from: unknown;
  to: unknown;
}

const LABELS: Record<string, MessageKey> = {
  name: 'timeline.fieldName',
  key: 'timeline.fieldKey',
  tier: 'field.tier',
  status: 'field.status',
  ownerId: 'field.owner',
  parentId: 'field.parent',
  region: 'field.region',
  country: 'field.country',
  sector: 'field.sector',
  visibility: 'field.visibility',
  renewalAt: 'field.renewal',
  annualRevenue: 'field.revenue',
  potential: 'field.potential',
};

export interface ChangeNames {
  people: ReadonlyMap<number, string>;
  accounts: ReadonlyMap<number, string>;
  currency: string;
}

function shownValue(field: string, value: unknown, names: ChangeNames, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field) {
    case 'ownerId':
      return names.people.get(Number(value)) ?? `#${String(value)}`;
    case 'parentId':
      return names.accounts.get(Number(value)) ?? `#${String(value)}`;
    case 'renewalAt':
      return formatDay(new Date(String(value)), locale);
    case 'annualRevenue':
    case 'potential':
      return formatMoney(Number(value), names.currency, locale);
    case 'status':
      return valueLabel(locale, 'status', String(value));
    case 'visibility':
      return valueLabel(locale, 'visibility', String(value));
    default:
      return String(value);
  }
}

/** The audited changes of one account update in words, or null when the event kept none (older events). */
export function describeChanges(details: unknown, names: ChangeNames, locale: Locale): string | null {
  const changes = (details as { changes?: Record<string, Change> } | null)?.changes;
  if (!changes || typeof changes !== 'object') return null;
  const parts = Object.entries(changes).flatMap(([field, change]) => {
    if (field === 'healthOverride') {
      const to = change.to as { score: number; reason: string } | null;
      return [to ? t(locale, 'timeline.gutFeelSet', to) : t(locale, 'timeline.gutFeelCleared')];
    }
    const label = LABELS[field];
    if (!label) return [];
    return [
      t(locale, 'timeline.changed', {
        field: t(locale, label),
        from: shownValue(field, change.from, names, locale),
        to: shownValue(field, change.to, names, locale),
      }),
    ];
  });
  return parts.length > 0 ? parts.join('; ') : null;
}
