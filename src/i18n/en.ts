// English messages. Keys are grouped by where people meet them; every key needs its German twin in de.ts.
export const en = {
  'engine.empty': 'Type a command or a question, e.g. /account help.',
  'engine.tooLong': 'That is too long for one command; split it up.',
  'engine.internal': 'Something went wrong on our side. It has been logged; please try again in a moment.',
  'engine.createOnlyByCommand':
    'I only create accounts from the command, so nothing was added. To add {name, select, none {an account} other {“{name}”}}, type /account new {name, select, none {<name>} other {{name}}}.',

  'understood.notUnderstood': "Sorry, I didn't understand that.",
  'understood.tryAsking': 'Try asking {examples}.',
  'understood.helpHint': '/account help lists everything I can do.',
  'understood.example.health': 'how is {account} doing?',
  'understood.example.owner': 'who owns {account}?',
  'understood.example.news': "what's new with {account}?",
  'understood.example.overdue': "what's overdue?",
  'understood.example.myTasks': 'my follow-ups',
  'understood.example.atRisk': 'which accounts are at risk?',
  'understood.example.pipeline': 'what is our total pipeline?',
  'understood.example.renewals': 'which accounts renew in the next 90 days?',
  'understood.example.contacts': 'who do we know at {account}?',
  'understood.example.deals': 'deals at {account}',
  'understood.example.note': 'note for {account}: met the CFO, budget approved',
  'understood.example.task': 'add a task for {account}: send the proposal by friday',

  'ask.whichAccount.note': 'Which account should this note go to? Nothing is saved until you pick one.',
  'ask.whichAccount.task': 'Which account is this follow-up for? Nothing is saved until you pick one.',
  'ask.whichAccount.contact': 'Which account does this contact belong to? Nothing is saved until you pick one.',
  'ask.whichAccount.stage': 'Which deal do you mean? Nothing is changed until you say.',
  'ask.didYouMean': 'I could not find “{reference}” exactly; did you mean one of these?',
  'ask.noMatch': 'I couldn’t find an account called “{reference}”, so nothing was saved.',
  'ask.noAccount': 'Say which account it is for, so I can save it: {example}',
  'ask.pick': 'Pick one:',
  'ask.due': '{due, select, none {No due date.} other {Due {due}.}}',

  'button.show': 'Show',
  'time.relative':
    '{direction, select, today {today} future {{unit, select, day {{count, plural, one {tomorrow} other {in # days}}} week {in {count, plural, one {# week} other {# weeks}}} month {in {count, plural, one {# month} other {# months}}} other {in {count, plural, one {# year} other {# years}}}}} other {{unit, select, day {{count, plural, one {yesterday} other {# days ago}}} week {{count, plural, one {# week} other {# weeks}} ago} month {{count, plural, one {# month} other {# months}} ago} other {{count, plural, one {# year} other {# years}} ago}}}}',

  'renewals.title': '{count, plural, =0 {No renewals} one {# renewal} other {# renewals}} from {from} to {to}',
  'renewals.one': '{account} renews on {date} ({relative}).',
  'renewals.none': '{account} has no renewal date. Set one: /account edit <account> renewal:2027-03-31',
  'renewals.empty': 'No account renews in that time.',

  'pipeline.title':
    '{kind, select, won {Won deals} lost {Lost deals} overdue {Deals past their close date} closing {Deals closing {from} to {to}} other {Open pipeline}}{competitor, select, none {} other { against {competitor}}} ({count})',
  'pipeline.total': '{total} in all, {weighted} weighted',
  'pipeline.noValues': 'No values recorded.',
  'pipeline.empty': 'No opportunities match.',

  'contacts.named': '{count, plural, =0 {Nobody} one {# contact} other {# contacts}} named “{name}”',
  'contacts.nobodyNamed': 'No contact at your accounts is called “{name}”.',

  'show.fact': '{account} — {label}: {value}',
  'show.factMissing': '{account} has no {label} recorded yet; /account edit sets it.',
  'thanks.reply': 'You’re welcome! Ask me anything about your accounts.',
} as const satisfies Record<string, string>;
