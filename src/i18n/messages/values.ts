// The words for stored values (status, stage, roles, note kinds), so no reply shows `on_hold` or `decision_maker`.
export const en = {
  'value.status':
    '{value, select, active {active} prospect {prospect} on_hold {on hold} churned {churned} other {{value}}}',
  'value.stage':
    '{value, select, lead {lead} qualify {qualify} propose {propose} negotiate {negotiate} won {won} lost {lost} other {{value}}}',
  'value.buyingRole':
    '{value, select, decision_maker {decision maker} economic_buyer {economic buyer} influencer {influencer} champion {champion} user {user} gatekeeper {gatekeeper} other {{value}}}',
  'value.memberRole':
    '{value, select, owner {owner} executive_sponsor {executive sponsor} sales_engineer {sales engineer} local_rep {local rep} customer_success {customer success} member {member} other {{value}}}',
  'value.noteKind': '{value, select, note {note} meeting {meeting} call {call} email {email} other {{value}}}',
  'value.sentiment': '{value, select, positive {positive} neutral {neutral} negative {negative} other {{value}}}',
  'value.role': '{value, select, admin {admin} member {member} other {{value}}}',
  'value.visibility': '{value, select, open {open} restricted {restricted} other {{value}}}',
  'value.dayUnreadable':
    "I can't read “{value}” as a {what, select, due {due date} close {close date} renewal {renewal date} other {date}}; try friday, next tuesday, in 2 weeks or 2027-03-31",
  'value.dayTooFar':
    '{value} is too far off to be a {what, select, due {due date} close {close date} renewal {renewal date} other {date}}',
  'value.dayAmbiguous': '“{value}” could be two dates; write it as 2027-03-04 or 4 March 2027',
  'value.moneyUnreadable':
    "I can't read “{value}” as {what, select, value {a value} revenue {a revenue} potential {a potential} other {an amount}}; try 120k, 1.2M, €50,000 or 50.000 EUR",
  'value.periodUnreadable': "I can't read “{value}” as a period; try {example}",
  'value.todoDate':
    "I can't read “{value}” as a date; write it like friday, next tuesday, in 2 weeks, 2027-03-31 or 31.03.2027, or leave it out.",
} as const satisfies Record<string, string>;

export const de: Record<keyof typeof en, string> = {
  'value.status':
    '{value, select, active {aktiv} prospect {Interessent} on_hold {pausiert} churned {abgewandert} other {{value}}}',
  'value.stage':
    '{value, select, lead {Lead} qualify {Qualifizierung} propose {Angebot} negotiate {Verhandlung} won {gewonnen} lost {verloren} other {{value}}}',
  'value.buyingRole':
    '{value, select, decision_maker {Entscheider} economic_buyer {Budgetverantwortlicher} influencer {Beeinflusser} champion {Fürsprecher} user {Anwender} gatekeeper {Türöffner} other {{value}}}',
  'value.memberRole':
    '{value, select, owner {Verantwortlicher} executive_sponsor {Executive Sponsor} sales_engineer {Vertriebsingenieur} local_rep {lokaler Vertreter} customer_success {Customer Success} member {Mitglied} other {{value}}}',
  'value.noteKind': '{value, select, note {Notiz} meeting {Termin} call {Anruf} email {E-Mail} other {{value}}}',
  'value.sentiment': '{value, select, positive {positiv} neutral {neutral} negative {negativ} other {{value}}}',
  'value.role': '{value, select, admin {Admin} member {Mitglied} other {{value}}}',
  'value.visibility': '{value, select, open {offen} restricted {eingeschränkt} other {{value}}}',
  'value.dayUnreadable':
    '„{value}“ kann ich nicht als {what, select, due {Fälligkeitsdatum} close {Abschlussdatum} renewal {Verlängerungsdatum} other {Datum}} lesen; versuch Freitag, nächsten Dienstag, in 2 Wochen oder 31.03.2027',
  'value.dayTooFar':
    '{value} liegt zu weit weg für ein {what, select, due {Fälligkeitsdatum} close {Abschlussdatum} renewal {Verlängerungsdatum} other {Datum}}',
  'value.dayAmbiguous': '„{value}“ könnte zwei Daten sein; schreib 2027-03-04 oder 4. März 2027',
  'value.moneyUnreadable':
    '„{value}“ kann ich nicht als {what, select, value {Wert} revenue {Umsatz} potential {Potenzial} other {Betrag}} lesen; versuch 120k, 1,2 Mio., 50.000 € oder 1,2 Mrd',
  'value.periodUnreadable': '„{value}“ kann ich nicht als Zeitraum lesen; versuch {example}',
  'value.todoDate':
    '„{value}“ kann ich nicht als Datum lesen; schreib es wie Freitag, nächsten Dienstag, in 2 Wochen, 2027-03-31 oder 31.03.2027, oder lass es weg.',
};
