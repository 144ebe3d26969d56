// Questions, turned into the `/account` command that answers them. Each rule reads concepts and slots, never
// words, so "how is nordwind doing?", "hows nordwind" and "wie läuft es bei Nordwind?" are one rule. Rules are
// tried from the most specific to the most general; the first that applies answers.
import type { Concept } from './lexicon.ts';
import type { Sentence } from './sentence.ts';

export interface Read {
  intent: string;
  command: string;
}

/** A value for a command line: quoted when it has spaces or quotes. */
export function quote(value: string): string {
  const clean = value.replace(/["“”„«»]/g, '').trim();
  return /[\s:]/.test(clean) || clean === '' ? `"${clean}"` : clean;
}

const FACTS: [Concept, string][] = [
  ['revenue', 'revenue'],
  ['potential', 'potential'],
  ['currency', 'currency'],
  ['strategy', 'strategy'],
  ['subsidiaries', 'subsidiaries'],
  ['parent', 'parent'],
  ['sector', 'sector'],
  ['region', 'region'],
  ['country', 'country'],
  ['tier', 'tier'],
];

const ROLES: [Concept, string][] = [
  ['champion', 'champion'],
  ['decisionMaker', 'decision_maker'],
  ['economicBuyer', 'economic_buyer'],
  ['influencer', 'influencer'],
  ['gatekeeper', 'gatekeeper'],
];

/** The account the question is about: a name the vocabulary knows, else the words left over, as typed. */
function accountOf(sentence: Sentence): string | null {
  const account = sentence.accounts[0];
  if (account) return account.key ?? quote(account.typed);
  return null;
}

function leftover(sentence: Sentence): string | null {
  if (sentence.rest.length === 0) return null;
  const first = sentence.rest[0];
  const last = sentence.rest[sentence.rest.length - 1];
  if (!first || !last) return null;
  return sentence.text.slice(first.start, last.end);
}

/** The account, or the leftover words as a reference the resolver will match with typos or ask about. */
function accountOrReference(sentence: Sentence): string | null {
  const account = accountOf(sentence);
  if (account) return account;
  const rest = leftover(sentence);
  return rest ? quote(rest) : null;
}

function personOption(sentence: Sentence): string | null {
  const person = sentence.people[0];
  return person ? quote(person.name) : null;
}

function timeOf(sentence: Sentence): string | null {
  const time = sentence.times[0];
  return time ? quote(time.typed) : null;
}

/** Days from "in 60 days", "60 Tagen", "2 months": how long an account has been quiet. */
function quietDays(sentence: Sentence): number | null {
  const time = sentence.times[0];
  if (time) {
    const end =
      time.phrase.kind === 'day' ? time.phrase.day : time.phrase.window === 'back' ? time.phrase.from : time.phrase.to;
    const days = Math.round(Math.abs(end.getTime() - sentence.today.getTime()) / 86_400_000);
    if (days > 0) return days;
  }
  return sentence.numbers[0] ?? null;
}

function filters(sentence: Sentence, options: { mine?: boolean } = {}): string[] {
  const parts: string[] = [];
  const has = (concept: Concept) => sentence.concepts.has(concept);
  if ((options.mine ?? true) && has('mine')) parts.push('mine');
  const person = personOption(sentence);
  if (person) parts.push(`owner:${person}`);
  if (sentence.tier) parts.push(`tier:${sentence.tier}`);
  if (sentence.region) parts.push(`region:${quote(sentence.region)}`);
  if (sentence.country) parts.push(`country:${quote(sentence.country)}`);
  return parts;
}

const line = (...parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' ');

type Rule = (sentence: Sentence, has: (concept: Concept) => boolean) => Read | null;

const RULES: Rule[] = [
  // Thanks and greetings, alone.
  (s, has) =>
    has('thanks') && s.accounts.length === 0 && s.rest.length <= 1 ? { intent: 'thanks', command: 'thanks' } : null,
  (s, has) =>
    (has('greeting') || has('help')) &&
    s.accounts.length === 0 &&
    s.rest.length === 0 &&
    !has('opportunity') &&
    !has('task')
      ? { intent: 'help', command: 'help' }
      : null,
  (_s, has) => (has('digest') ? { intent: 'digest', command: 'digest preview' } : null),
  // "save this thread to acme": the thread the message was written in.
  (s, has) => {
    if (
      !has('thread') ||
      !s.words.some((word) => ['save', 'speichere', 'speicher', 'sichern', 'capture'].includes(word.norm))
    )
      return null;
    const account = accountOrReference(s);
    return account ? { intent: 'save_thread', command: `savethread ${account}` } : null;
  },
  (s, has) => {
    if (!has('search')) return null;
    const rest = leftover(s);
    const words = rest ?? s.accounts[0]?.typed ?? null;
    return words ? { intent: 'search', command: `search ${words}` } : null;
  },

  // Renewals: one account's, or all in a window.
  (s, has) => {
    if (!has('renewal')) return null;
    const account = accountOf(s);
    if (account) return { intent: 'renewal', command: `renewals ${account}` };
    const time = timeOf(s);
    return { intent: 'renewals', command: line('renewals', ...filters(s), time && `within:${time}`) };
  },

  // Competitors and wins and losses, against whom.
  (s, has) => {
    if (!has('competitor') && !(has('lost') || has('won'))) return null;
    const account = accountOf(s);
    const rival = leftover(s);
    const outcome = has('lost') ? 'lost' : has('won') ? 'won' : null;
    const time = timeOf(s);
    if (account && !outcome) return { intent: 'competitors', command: `opps ${account}` };
    if (!outcome && !rival) return null;
    return {
      intent: outcome ? `deals_${outcome}` : 'competitor',
      command: line(
        'opps',
        account,
        outcome,
        rival && `competitor:${quote(rival)}`,
        !account && time && `period:${time}`,
        ...(account ? [] : filters(s)),
      ),
    };
  },

  // Opportunities and pipeline.
  (s, has) => {
    const closing = has('closing') && s.times.length > 0 && !has('task');
    if (!has('opportunity') && !(has('biggest') && !has('accounts')) && !has('pastClose') && !closing) return null;
    const account = accountOf(s);
    const time = timeOf(s);
    if (has('pastClose') || (has('overdue') && has('opportunity'))) {
      return { intent: 'deals_past_close', command: line('opps', account, 'overdue', ...(account ? [] : filters(s))) };
    }
    if (time && (has('closing') || has('due') || !account)) {
      return {
        intent: 'deals_closing',
        command: line('opps', account, `closing:${time}`, ...(account ? [] : filters(s))),
      };
    }
    if (account) return { intent: 'deals', command: `opps ${account}` };
    const intent =
      has('total') || has('weighted') || has('many') ? 'pipeline_total' : has('biggest') ? 'biggest_deals' : 'pipeline';
    return { intent, command: line('opps', ...filters(s)) };
  },

  // Buying-centre roles at an account.
  (s, has) => {
    const role = ROLES.find(([concept]) => has(concept));
    const account = accountOrReference(s);
    if (!role || !account) return null;
    return { intent: 'contact_role', command: `contacts ${account} role:${role[1]}` };
  },

  // Account facts: "what is nordwind's revenue?", "Umsatz von Nordwind".
  (s, has) => {
    const fact = FACTS.find(([concept]) => has(concept));
    const account = accountOf(s);
    if (!fact || !account || has('accounts') || (has('list') && !has('what'))) return null;
    return { intent: `fact_${fact[1]}`, command: `show ${account} field:${fact[1]}` };
  },

  // Owner, team, sponsor.
  (s, has) => {
    if (!has('owner') && !has('team') && !has('sponsor')) return null;
    const account = accountOrReference(s);
    if (!account) return null;
    return { intent: has('sponsor') ? 'sponsor' : has('team') ? 'team' : 'owner', command: `team ${account}` };
  },

  // Contacts at an account, and one contact by name.
  (s, has) => {
    if (!has('contact')) return null;
    const account = accountOrReference(s);
    return account ? { intent: 'contacts', command: `contacts ${account}` } : null;
  },
  (s, has) => {
    // "who is Ute Hoffmann?": a name that is no account and no colleague.
    if (!has('who') || s.accounts.length > 0 || s.people.length > 0 || s.rest.length === 0) return null;
    if (s.concepts.size > 1 && !has('what')) return null;
    return { intent: 'contact', command: `contacts name:${quote(leftover(s) ?? '')}` };
  },

  // Follow-ups: mine, a colleague's, an account's, overdue, due in a period.
  (s, has) => {
    if (!has('task') && !has('overdue') && !(has('due') && !has('renewal'))) return null;
    const account = accountOf(s);
    const person = personOption(s);
    const time = timeOf(s);
    const who = account || person ? null : has('mine') || !has('list') ? 'mine' : null;
    return {
      intent: has('overdue') ? 'tasks_overdue' : time ? 'tasks_due' : 'tasks',
      command: line(
        'tasks',
        who,
        has('overdue') && 'overdue',
        account && `account:${account}`,
        person && `for:${person}`,
        time && !has('overdue') && `due:${time}`,
      ),
    };
  },

  // Going quiet.
  (s, has) => {
    if (!has('quiet')) return null;
    const days = quietDays(s);
    return { intent: 'quiet', command: line('list', ...filters(s), days ? `quiet:${days}` : 'quiet') };
  },

  // "why is pelham red?", "is corvane at risk?", "how is nordwind doing?", "wie läuft es bei Nordwind?"
  (s, has) => {
    const account = accountOf(s) ?? (has('how') || has('why') || has('health') ? accountOrReference(s) : null);
    if (!account) return null;
    if (
      has('why') ||
      has('health') ||
      has('risk') ||
      has('red') ||
      has('amber') ||
      has('green') ||
      (has('how') && (has('doing') || s.concepts.size === 1))
    ) {
      if (has('accounts') && !accountOf(s)) return null;
      return { intent: has('why') ? 'health_why' : 'health', command: `health ${account}` };
    }
    return null;
  },

  // News in a period, and the timeline.
  (s, has) => {
    if (!has('news') && !has('history')) return null;
    const account = accountOrReference(s);
    if (!account) return null;
    const time = timeOf(s);
    const command = has('history') ? 'timeline' : 'notes';
    return { intent: has('history') ? 'history' : 'news', command: line(command, account, time && `period:${time}`) };
  },

  // Portfolio lists with filters in words.
  (s, has) => {
    const band = has('red')
      ? 'band:red'
      : has('risk')
        ? 'at-risk'
        : has('amber')
          ? 'band:amber'
          : has('green')
            ? 'band:green'
            : null;
    const listed =
      has('accounts') || has('list') || band || s.region || s.country || s.tier || (s.people[0]?.possessive ?? false);
    if (!listed || s.accounts.length > 0) return null;
    if (!band && !has('accounts') && !has('mine') && s.people.length === 0 && !s.region && !s.country && !s.tier)
      return null;
    return { intent: band ? 'accounts_at_risk' : 'accounts', command: line('list', ...filters(s), band) };
  },

  // An account by itself, or "tell me about", "zeig mir".
  (s) => {
    const account = accountOf(s);
    if (!account) return null;
    return { intent: 'account', command: `show ${account}` };
  },
  (s, has) => {
    if (!has('show')) return null;
    const reference = leftover(s);
    return reference ? { intent: 'account', command: `show ${quote(reference)}` } : null;
  },
];

export function readQuestion(sentence: Sentence): Read | null {
  const has = (concept: Concept) => sentence.concepts.has(concept);
  for (const rule of RULES) {
    const read = rule(sentence, has);
    if (read) return read;
  }
  return null;
}
