// The portfolio list and contacts.
export const en = {
  'contacts.needAccount': 'Say whose contacts to show, e.g. /account contacts acme',
  'contacts.title': 'Contacts: {account}',
  'contacts.summary': '{count, plural, one {# contact} other {# contacts}} at {name}',
  'contacts.none': 'No contacts yet. Add one: /account contact add {key} <name>, <title> role:champion',
  'contact.influence': 'influence {influence}/5',
  'contact.relationship':
    'relationship {value, select, hostile {hostile} cool {cool} neutral {neutral} good {good} strong {strong} other {{value}}}',
  'list.bandIs': 'A band is red, amber or green, e.g. band:red',
  'list.quietIs': 'Say quiet:60 for accounts without contact for 60 days, or just quiet',
  'list.wordsNotTaken': 'List takes filters like tier:A or mine; to find an account by name use show or search',
  'list.unscoredCount': '{count} not enough data yet',
  'list.health': 'health {score}',
  'list.tier': 'Tier {tier}',
  'list.noOwner': 'no owner',
  'list.partOf': 'part of {parent}',
  'list.renewal': 'renewal {day}',
  'list.restricted': 'restricted',
  'list.title':
    '{whose, select, mine {Your accounts} person {{name}’s accounts} filtered {Accounts} other {Portfolio}}{atRisk, select, yes { at risk} other {}}{band, select, none {} other { ({band})}}{quiet, select, none {} cadence { gone quiet} other { without contact for {quiet} days}}',
  'list.count': '{count, plural, one {# account} other {# accounts}}',
  'list.titleWithCount': '{title} ({count})',
  'list.summary': '{title}: {count}',
  'list.bandCount': '{count} {band}',
  'list.noneAtRisk': 'No account is amber or red. 🎉',
  'list.noneMatch': 'No accounts match those filters.',
  'list.noneYet': 'No accounts yet. Create one: /account new <name>',
} as const satisfies Record<string, string>;

export const de: Record<keyof typeof en, string> = {
  'contacts.needAccount': 'Sag, wessen Kontakte ich zeigen soll, z. B. /account contacts nordwind',
  'contacts.title': 'Kontakte: {account}',
  'contacts.summary': '{count, plural, one {# Kontakt} other {# Kontakte}} bei {name}',
  'contacts.none':
    'Noch keine Kontakte. So legst du einen an: /account contact add {key} <Name>, <Titel> role:champion',
  'contact.influence': 'Einfluss {influence}/5',
  'contact.relationship':
    'Beziehung {value, select, hostile {feindlich} cool {kühl} neutral {neutral} good {gut} strong {stark} other {{value}}}',
  'list.bandIs': 'Eine Ampel ist red, amber oder green, z. B. band:red',
  'list.quietIs': 'Schreib quiet:60 für Konten ohne Kontakt seit 60 Tagen, oder einfach quiet',
  'list.wordsNotTaken': 'list nimmt Filter wie tier:A oder mine; ein Konto nach Namen findest du mit show oder search',
  'list.unscoredCount': '{count} noch zu wenig Daten',
  'list.health': 'Zustand {score}',
  'list.tier': 'Stufe {tier}',
  'list.noOwner': 'kein Verantwortlicher',
  'list.partOf': 'gehört zu {parent}',
  'list.renewal': 'Verlängerung {day}',
  'list.restricted': 'eingeschränkt',
  'list.title':
    '{whose, select, mine {Deine Konten} person {Konten von {name}} filtered {Konten} other {Portfolio}}{atRisk, select, yes {, gefährdet} other {}}{band, select, none {} other { ({band})}}{quiet, select, none {} cadence {, still geworden} other { ohne Kontakt seit {quiet} Tagen}}',
  'list.count': '{count, plural, one {# Konto} other {# Konten}}',
  'list.titleWithCount': '{title} ({count})',
  'list.summary': '{title}: {count}',
  'list.bandCount': '{count} {band}',
  'list.noneAtRisk': 'Kein Konto ist gelb oder rot. 🎉',
  'list.noneMatch': 'Kein Konto passt zu diesen Filtern.',
  'list.noneYet': 'Noch keine Konten. Leg eines an: /account new <Name>',
};
