// The sales region a country belongs to, for imports that name a country and no region. The four regions the demo
// and DESIGN.md use: EMEA, North America, LATAM, APAC. Names as CRMs export them, English and German.
import { normalize } from './normalize.ts';

const REGIONS: Record<string, readonly string[]> = {
  EMEA: [
    'germany, deutschland, de',
    'austria, osterreich, at',
    'switzerland, schweiz, ch',
    'france, frankreich, fr',
    'italy, italien, it',
    'spain, spanien, es',
    'portugal, pt',
    'netherlands, the netherlands, niederlande, nl, holland',
    'belgium, belgien, be',
    'luxembourg, luxemburg, lu',
    'united kingdom, uk, gb, great britain, england, scotland, wales, grossbritannien, vereinigtes konigreich',
    'ireland, irland, ie',
    'denmark, danemark, dk',
    'sweden, schweden, se',
    'norway, norwegen, no',
    'finland, finnland, fi',
    'poland, polen, pl',
    'czech republic, czechia, tschechien, cz',
    'hungary, ungarn, hu',
    'romania, rumanien, ro',
    'greece, griechenland, gr',
    'turkey, turkiye, turkei, tr',
    'israel, il',
    'united arab emirates, uae, vereinigte arabische emirate, ae',
    'saudi arabia, saudi arabien, sa',
    'south africa, sudafrika, za',
    'egypt, agypten, eg',
    'nigeria, ng',
    'kenya, kenia, ke',
  ],
  'North America': ['united states, usa, us, united states of america, vereinigte staaten', 'canada, kanada, ca'],
  LATAM: [
    'mexico, mexiko, mx',
    'brazil, brasilien, br',
    'argentina, argentinien, ar',
    'chile, cl',
    'colombia, kolumbien, co',
    'peru, pe',
  ],
  APAC: [
    'japan, jp',
    'china, cn',
    'india, indien, in',
    'singapore, singapur, sg',
    'australia, australien, au',
    'new zealand, neuseeland, nz',
    'south korea, korea, sudkorea, kr',
    'indonesia, indonesien, id',
    'malaysia, my',
    'thailand, th',
    'vietnam, viet nam, vn',
    'philippines, philippinen, ph',
    'hong kong, hk',
    'taiwan, tw',
  ],
};

/** Each spelling of a country (names in English and German, the two-letter code) → region. */
const BY_NAME = new Map<string, string>();
for (const [region, countries] of Object.entries(REGIONS)) {
  for (const spellings of countries) for (const name of spellings.split(', ')) BY_NAME.set(name, region);
}

/** "Germany", "DE", "Vereinigte Staaten" → "EMEA" / "North America"; null when the country is not known here. */
export function regionOfCountry(country: string | null | undefined): string | null {
  if (!country) return null;
  return BY_NAME.get(normalize(country)) ?? null;
}
