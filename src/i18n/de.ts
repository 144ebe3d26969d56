// Deutsche Texte: zu jedem Schlüssel aus en.ts einer, mit denselben Platzhaltern.
import type { Catalogue } from './translate.ts';

export const de: Catalogue = {
  'engine.empty': 'Schreib einen Befehl oder eine Frage, z. B. /account help.',
  'engine.tooLong': 'Das ist zu lang für einen Befehl; teil es bitte auf.',
  'engine.internal': 'Bei uns ist etwas schiefgegangen. Es ist protokolliert; versuch es bitte gleich noch einmal.',
  'engine.createOnlyByCommand':
    'Konten lege ich nur per Befehl an, daher wurde nichts angelegt. Um {name, select, none {ein Konto} other {„{name}“}} anzulegen, schreib /account new {name, select, none {<Name>} other {{name}}}.',

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
};
