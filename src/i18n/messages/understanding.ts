// What the engine says about sentences: not understood, which account, create only by command; and the new reads.
export const en = {
  'engine.empty': 'Type a command or a question, e.g. /account help.',
  'engine.tooLong': 'That is too long for one command; split it up.',
  'engine.internal': 'Something went wrong on our side. It has been logged; please try again in a moment.',
  'engine.createOnlyByCommand':
    'I only create accounts from the command, so nothing was added. To add {name, select, none {an account} other {“{name}”}}, type /account new {name, select, none {<name>} other {{name}}}{options}.',

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
  'renewals.withinExample': 'within:"next 90 days" or within:"this quarter"',
  'period.lastMonthExample': 'period:"last month"',
  'period.dueExample': 'due:"this week"',
} as const satisfies Record<string, string>;

export const de: Record<keyof typeof en, string> = {
  'engine.empty': 'Schreib einen Befehl oder eine Frage, z. B. /account help.',
  'engine.tooLong': 'Das ist zu lang für einen Befehl; teil es bitte auf.',
  'engine.internal': 'Bei uns ist etwas schiefgegangen. Es ist protokolliert; versuch es bitte gleich noch einmal.',
  'engine.createOnlyByCommand':
    'Konten lege ich nur per Befehl an, daher wurde nichts angelegt. Um {name, select, none {ein Konto} other {„{name}“}} anzulegen, schreib /account new {name, select, none {<Name>} other {{name}}}{options}.',

  'understood.notUnderstood': 'Das habe ich leider nicht verstanden.',
  'understood.tryAsking': 'Frag zum Beispiel {examples}.',
  'understood.helpHint': '/account help zeigt alles, was ich kann.',
  'understood.example.health': 'wie läuft es bei {account}?',
  'understood.example.owner': 'wer betreut {account}?',
  'understood.example.news': 'was gibt es Neues bei {account}?',
  'understood.example.overdue': 'was ist überfällig?',
  'understood.example.myTasks': 'meine Aufgaben',
  'understood.example.atRisk': 'welche Kunden sind gefährdet?',
  'understood.example.pipeline': 'wie groß ist unsere Pipeline insgesamt?',
  'understood.example.renewals': 'welche Verträge verlängern sich in den nächsten 90 Tagen?',
  'understood.example.contacts': 'wen kennen wir bei {account}?',
  'understood.example.deals': 'Chancen bei {account}',
  'understood.example.note': 'Notiz für {account}: CFO getroffen, Budget freigegeben',
  'understood.example.task': 'neue Aufgabe für {account}: Angebot bis Freitag schicken',

  'ask.whichAccount.note': 'Zu welchem Konto gehört diese Notiz? Gespeichert wird erst, wenn du eines wählst.',
  'ask.whichAccount.task': 'Zu welchem Konto gehört diese Aufgabe? Gespeichert wird erst, wenn du eines wählst.',
  'ask.whichAccount.contact': 'Zu welchem Konto gehört dieser Kontakt? Gespeichert wird erst, wenn du eines wählst.',
  'ask.whichAccount.stage': 'Welche Verkaufschance meinst du? Geändert wird erst, wenn du es sagst.',
  'ask.didYouMean': '„{reference}“ habe ich nicht genau gefunden; meinst du eines von diesen?',
  'ask.noMatch': 'Ein Konto namens „{reference}“ habe ich nicht gefunden, daher wurde nichts gespeichert.',
  'ask.noAccount': 'Sag mir, für welches Konto es ist, dann speichere ich es: {example}',
  'ask.pick': 'Wähle eines:',
  'ask.due': '{due, select, none {Kein Fälligkeitsdatum.} other {Fällig am {due}.}}',

  'button.show': 'Anzeigen',
  'time.relative':
    '{direction, select, today {heute} future {{unit, select, day {{count, plural, one {morgen} other {in # Tagen}}} week {in {count, plural, one {einer Woche} other {# Wochen}}} month {in {count, plural, one {einem Monat} other {# Monaten}}} other {in {count, plural, one {einem Jahr} other {# Jahren}}}}} other {{unit, select, day {{count, plural, one {gestern} other {vor # Tagen}}} week {vor {count, plural, one {einer Woche} other {# Wochen}}} month {vor {count, plural, one {einem Monat} other {# Monaten}}} other {vor {count, plural, one {einem Jahr} other {# Jahren}}}}}}',

  'renewals.title':
    '{count, plural, =0 {Keine Verlängerungen} one {# Verlängerung} other {# Verlängerungen}} vom {from} bis {to}',
  'renewals.one': '{account} verlängert sich am {date} ({relative}).',
  'renewals.none': '{account} hat kein Verlängerungsdatum. Setz eines: /account edit <Konto> renewal:2027-03-31',
  'renewals.empty': 'In diesem Zeitraum verlängert sich kein Konto.',

  'pipeline.title':
    '{kind, select, won {Gewonnene Deals} lost {Verlorene Deals} overdue {Deals über dem Abschlussdatum} closing {Deals mit Abschluss vom {from} bis {to}} other {Offene Pipeline}}{competitor, select, none {} other { gegen {competitor}}} ({count})',
  'pipeline.total': '{total} gesamt, {weighted} gewichtet',
  'pipeline.noValues': 'Keine Werte erfasst.',
  'pipeline.empty': 'Keine passenden Verkaufschancen.',

  'contacts.named': '{count, plural, =0 {Niemand} one {# Kontakt} other {# Kontakte}} namens „{name}“',
  'contacts.nobodyNamed': 'Bei deinen Konten heißt kein Kontakt „{name}“.',

  'show.fact': '{account} — {label}: {value}',
  'show.factMissing': 'Für {account} ist noch kein Wert für „{label}“ erfasst; /account edit setzt ihn.',
  'thanks.reply': 'Gern geschehen! Frag mich alles zu deinen Kunden.',
  'renewals.withinExample': 'within:"nächste 90 Tage" oder within:"dieses Quartal"',
  'period.lastMonthExample': 'period:"letzter Monat"',
  'period.dueExample': 'due:"diese Woche"',
};
