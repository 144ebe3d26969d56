// What the understanding layer knows of a workspace, as seen by the person asking: the accounts they may see and
// the people on our side. Looked up phrase by phrase, so the layer itself holds no data and does no I/O.

export type AccountLookup = { kind: 'found'; key: string } | { kind: 'ambiguous' };

export interface Vocabulary {
  /** The account a phrase names exactly (key, name or alias), or null. */
  account(phrase: string): AccountLookup | null;
  /** The colleague a normalised phrase names: a full name, or a first name only one colleague has. */
  person(phrase: string): { name: string } | null;
  /** Today in the person's time zone, as a calendar day at 12:00 UTC. */
  today: Date;
}
