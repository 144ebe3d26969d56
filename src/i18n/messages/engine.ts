// What the engine says about commands as typed: unknown commands and options, usage lines, invalid input.
export const en = {
  'error.invalidInput': 'That input is not valid.',
  'engine.noCommand': 'There is no command “{name}”.',
  'engine.noCommandDidYouMean': 'There is no command “{name}”. Did you mean {close}?',
  'engine.helpListsAll': '/account help lists every command',
  'engine.notAnOption': '“{name}:” is not an option of {command}. Did you mean {close}?',
  'engine.notAnOptionList': '“{name}:” is not an option of {command}. Its options are {options}.',
  'engine.optionTwice': 'You gave {name}: twice; give it once.',
  'engine.strayWords':
    '“{words}” is not part of any option, so nothing was changed; write it after the option it belongs to, e.g. phone:+49 89 1234.',
  'engine.closeMatches': 'Close matches:',
  'engine.linkedAccountGone': 'The account this channel is linked to is gone.',
  'usage.word':
    '{word, select, account {account} text {text} title {title} name {name} id {id} what {what} role {role} key {key} date {date} command {command} subcommand {subcommand} task_number {task number} account_name {account name} other {{word}}}',
  'settings.localeIs': 'The language is one of {locales}, or default',
  'settings.workspaceTitle': 'Workspace settings',
  'settings.localeNow':
    'Replies are in {locale, select, de {German} other {English}} unless a person’s own language is known.',
  'settings.language': 'Language',
  'settings.localeName': '{locale, select, de {German (de)} other {English (en)}}',
  'settings.localeHint':
    'Slack and Teams tell kam-bot each person’s language; this one is for everyone else and for digests. Admins change it with /account settings locale:de',
} as const satisfies Record<string, string>;

export const de: Record<keyof typeof en, string> = {
  'error.invalidInput': 'Diese Eingabe ist nicht gültig.',
  'engine.noCommand': 'Einen Befehl „{name}“ gibt es nicht.',
  'engine.noCommandDidYouMean': 'Einen Befehl „{name}“ gibt es nicht. Meinst du {close}?',
  'engine.helpListsAll': '/account help zeigt alle Befehle',
  'engine.notAnOption': '„{name}:“ ist keine Option von {command}. Meinst du {close}?',
  'engine.notAnOptionList': '„{name}:“ ist keine Option von {command}. Seine Optionen sind {options}.',
  'engine.optionTwice': 'Du hast {name}: zweimal angegeben; bitte nur einmal.',
  'engine.strayWords':
    '„{words}“ gehört zu keiner Option, darum wurde nichts geändert; schreib es hinter die Option, zu der es gehört, z. B. phone:+49 89 1234.',
  'engine.closeMatches': 'Ähnliche Treffer:',
  'engine.linkedAccountGone': 'Das Konto, mit dem dieser Kanal verknüpft ist, gibt es nicht mehr.',
  'usage.word':
    '{word, select, account {Konto} text {Text} title {Titel} name {Name} id {Nr} what {was} role {Rolle} key {Schlüssel} date {Datum} command {Befehl} subcommand {Befehl} task_number {Aufgabennummer} account_name {Kontoname} other {{word}}}',
  'settings.localeIs': 'Die Sprache ist eine von {locales}, oder default',
  'settings.workspaceTitle': 'Einstellungen des Workspace',
  'settings.localeNow':
    'Antworten sind auf {locale, select, de {Deutsch} other {Englisch}}, wenn die eigene Sprache einer Person nicht bekannt ist.',
  'settings.language': 'Sprache',
  'settings.localeName': '{locale, select, de {Deutsch (de)} other {Englisch (en)}}',
  'settings.localeHint':
    'Slack und Teams sagen kam-bot die Sprache jeder Person; diese gilt für alle anderen und für Berichte. Admins ändern sie mit /account settings locale:en',
};
