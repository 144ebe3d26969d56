// How records are matched by the id another system gave them. Salesforce writes one id two ways: 15 characters,
// case-sensitive, in reports, and 18 (the 15 and a checksum of their capitals) from the API and Data Loader. A
// report after a Data Loader export must update the same accounts, not refuse them as strangers.

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const EIGHTEEN = /^[a-zA-Z0-9]{15}[A-Z0-5]{3}$/;

/** The three characters Salesforce appends to a 15-character id: one per five, a bit for each capital letter. */
function checksum(fifteen: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let at = 0; at < 5; at++) {
      const char = fifteen.charAt(chunk * 5 + at);
      if (char >= 'A' && char <= 'Z') bits |= 1 << at;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** The form an id is compared in: an 18-character Salesforce id as its 15 characters, anything else as it is. */
export function matchingId(id: string): string {
  const trimmed = id.trim();
  if (EIGHTEEN.test(trimmed) && checksum(trimmed.slice(0, 15)) === trimmed.slice(15)) return trimmed.slice(0, 15);
  return trimmed;
}

export function sameRecordId(a: string | null | undefined, b: string | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && matchingId(a) === matchingId(b);
}

/** Records by the id another system gave them, found in either of its forms. */
export class RecordIds<T> {
  private readonly byId = new Map<string, T>();

  constructor(items: readonly T[], idOf: (item: T) => string | null) {
    for (const item of items) {
      const id = idOf(item);
      if (id) this.byId.set(matchingId(id), item);
    }
  }

  get(id: string | null | undefined): T | undefined {
    return id ? this.byId.get(matchingId(id)) : undefined;
  }
}
