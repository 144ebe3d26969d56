// The sentences demo notes and tasks are made of. Placeholders in braces are filled per account and per note, so
// a thousand notes read like a year of real work rather than one line repeated.
import type { NoteKind, Sentiment } from '../domain/records.ts';

export interface NoteTemplate {
  kind: NoteKind;
  sentiment: Sentiment;
  text: string;
}

const t = (kind: NoteKind, sentiment: Sentiment, text: string): NoteTemplate => ({ kind, sentiment, text });

export const NOTE_TEMPLATES: readonly NoteTemplate[] = [
  // neutral: the everyday rhythm of an account
  t('meeting', 'neutral', 'Quarterly business review with {contact}: volumes flat in {site}, next review in {month}.'),
  t('meeting', 'neutral', 'Site visit in {site}. Walked the line with {first}; they want a proposal for {product}.'),
  t('meeting', 'neutral', 'Met {contact} and procurement to go through the {year} volume forecast.'),
  t('meeting', 'neutral', 'Workshop with {first} and two planners on the {product} roadmap.'),
  t('meeting', 'neutral', 'Steering meeting for {opp}: scope agreed, commercial terms still open.'),
  t('meeting', 'neutral', 'Lunch with {contact} in {site}. Mostly about their reorganisation; no decisions.'),
  t('call', 'neutral', 'Call with {contact}: budget for {opp} is planned for {quarter}, decision after the board.'),
  t('call', 'neutral', '{first} called about delivery times for {site}; promised an update by {weekday}.'),
  t('call', 'neutral', 'Short call with {contact}, no change on {opp}; they are still collecting quotes.'),
  t('call', 'neutral', 'Alignment call with {colleague} before the meeting with {contact}.'),
  t('call', 'neutral', '{first} asked how other customers run {product} across several plants.'),
  t('call', 'neutral', 'Checked in with {contact} on the open support tickets: two left, both low priority.'),
  t('email', 'neutral', 'Sent {contact} the updated price list and the service report for {lastMonth}.'),
  t('email', 'neutral', 'Email from {contact}: they need the security questionnaire for {product} before the pilot.'),
  t('email', 'neutral', 'Sent the meeting minutes and the action list to {first}.'),
  t('email', 'neutral', '{contact} forwarded the RFI for {product}; answers due {weekday} next week.'),
  t('email', 'neutral', 'Shared the {year} roadmap deck with {first}, as asked in the QBR.'),
  t('note', 'neutral', 'Org change: {contact} now reports to the new COO.'),
  t('note', 'neutral', '{competitor} has been on site twice this month, according to {first}.'),
  t('note', 'neutral', 'Their annual report mentions a new plant near {site}; worth raising with {first}.'),
  t('note', 'neutral', 'Procurement moved to a new supplier portal; we need to re-register before {month}.'),
  t('note', 'neutral', 'Updated the account plan after the call with {contact}. #renewal'),
  t('note', 'neutral', 'Asked {colleague} to prepare a technical deep-dive on {product} for {first}.'),
  t('meeting', 'neutral', 'Demo of the new {product} dashboard for {first} and the shift leads in {site}.'),
  t('meeting', 'neutral', 'Kick-off for {opp} with {contact}; project plan and contacts agreed.'),
  t('meeting', 'neutral', 'Account planning with {colleague}: for {year} the focus is {product} and the {site} site.'),
  t('call', 'neutral', '{first} asked for references in their industry before the budget round.'),
  t('call', 'neutral', 'Weekly project call with {contact}: on track, one open item on data access.'),
  t('call', 'neutral', 'Introduced {colleague} to {contact} for the technical questions on {product}.'),
  t('email', 'neutral', 'Sent {first} the draft statement of work for {opp}.'),
  t('email', 'neutral', '{contact} asked to move the QBR to {month}.'),
  t('email', 'neutral', 'Invited {contact} to our user conference in {month}.'),
  t('note', 'neutral', '{contact} is now responsible for all supplier contracts in {site}.'),
  t('note', 'neutral', 'Their new CFO starts in {month}; {first} offered to introduce us.'),
  t('note', 'neutral', 'Support tickets this month: three, all resolved within the SLA.'),
  // positive: progress, praise, wins
  t('meeting', 'positive', 'Great meeting with {contact}: they want to extend {product} to two more sites.'),
  t('meeting', 'positive', 'Executive dinner with {contact}; strong interest in a multi-year framework. #exec'),
  t('call', 'positive', '{first} shared that our uptime figures were quoted in their board pack.'),
  t('call', 'positive', '{contact} agreed to be a reference for {product}.'),
  t('email', 'positive', 'Thank-you email from {contact} for the quick fix in {site}.'),
  t('email', 'positive', '{first} confirmed budget for {opp} in {quarter}.'),
  t('note', 'positive', 'Usage of {product} in {site} up {percent}% since the training.'),
  t('meeting', 'positive', 'Steering committee in {site} went well; {contact} wants to speed up the rollout.'),
  t('email', 'positive', '{contact} sent the signed change request for {opp}.'),
  t('call', 'positive', '{first} wants us in the next innovation workshop with their CTO.'),
  t('meeting', 'positive', 'Pilot in {site} passed acceptance; {contact} signed it off. #win'),
  t('email', 'positive', 'PO received for {opp}. #win'),
  t('call', 'positive', '{contact} chose us over {competitor} for the {site} extension. #win'),
  // negative: friction and risk
  t('call', 'negative', '{contact} escalated repeated delays on the {site} rollout. #risk'),
  t('email', 'negative', 'Procurement wants {percent}% off at renewal or they will re-tender. #risk #pricing'),
  t('note', 'negative', '{competitor} offered a free pilot to {first}’s team. #risk #competitor'),
  t('note', 'negative', 'Our champion {champion} is leaving at the end of {month}. #risk'),
  t('meeting', 'negative', 'Tense QBR: {contact} says the last two releases broke their reporting. #risk'),
  t('email', 'negative', 'Invoice dispute still unresolved; {first} is frustrated with our billing team.'),
  t('call', 'negative', 'SLA missed twice this month in {site}; {contact} wants a root-cause analysis.'),
  t('note', 'negative', 'Heard that {competitor} is in the shortlist for {opp}.'),
  t('call', 'negative', '{first} could not get budget for {opp} this year.'),
  t('email', 'negative', '{contact} complained about the response times of our hotline.'),
  t('meeting', 'negative', '{contact} questioned the value of {product} in front of their CFO.'),
  t('call', 'negative', 'Project in {site} paused: {first} says internal priorities changed.'),
];

/** A second sentence, sometimes appended, so the same template does not always end the same way. */
export const NEXT_STEPS: readonly string[] = [
  'Next step: revised quote by {weekday}.',
  'Next step: book a workshop with {first}’s team.',
  'Next step: {colleague} to join for the technical part.',
  'Follow-up meeting in {month}.',
  'Summary posted in the account channel.',
  'Owner informed.',
];

export const WIN_NOTE = 'Won {opp} against {competitor}. Signed by {contact}. #win';
export const LOSS_NOTE = 'Lost {opp} to {competitor}. {reason}';

export const TASK_TITLES: readonly string[] = [
  'Send revised quote for {opp} to {contact}',
  'Book the QBR with {contact}',
  'Prepare the renewal proposal',
  'Share the {site} case study with {first}',
  'Follow up with {contact} on the security questionnaire',
  'Get {colleague} on a call with {first} about the integration',
  'Update the account plan for {month}',
  'Confirm delivery dates for {site}',
  'Send the meeting minutes to {first}',
  'Invite {contact} to the customer advisory board',
  'Answer the RFI for {product}',
  'Check the open invoices with finance before talking to {first}',
];

export const OPPORTUNITY_TITLES: readonly string[] = [
  '{Product} rollout {site}',
  '{Product} pilot {site}',
  'Framework agreement {year}',
  '{Product} for the new {site} site',
  '{Product} upgrade {site}',
  'Group-wide {product} standard',
];

export const STRATEGIES: readonly string[] = [
  'Grow from {revenue} to {potential} by {goalYear} by making {product} the group standard. Secure the renewal in {renewalMonth}; build direct access to the CFO; keep {competitor} out of the retrofit business.',
  'Defend the core contract ({revenue}) and expand into {site}. Win the {product} tender, turn the pilot sites into references, and get an executive sponsor meeting twice a year.',
  'Become one of their two strategic suppliers by {goalYear}. Land {product} in every region, multi-thread beyond engineering into finance and procurement, and agree a joint innovation roadmap.',
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Fills `{name}` placeholders; null when the template needs a value this account does not have (no opportunity). */
export function fill(template: string, values: Readonly<Record<string, string | undefined>>): string | null {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : text;
}

/** The hashtags written in a text, without the `#`: what the note parser would have made of it. */
export function hashtags(text: string): string[] {
  return [...new Set([...text.matchAll(/#(\w+)/g)].map((match) => (match[1] ?? '').toLowerCase()))];
}
