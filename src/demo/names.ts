// Word lists the demo portfolio is built from. Every company and person is invented: names are put together from
// these parts by the generator, never taken from a list of real firms.

export type Region = 'EMEA' | 'North America' | 'APAC' | 'LATAM';
export type Currency = 'EUR' | 'USD' | 'GBP';
/** Which pool of personal names fits people working in a country. */
export type NamePool = 'de' | 'fr' | 'en' | 'nl' | 'se' | 'es' | 'it' | 'pl' | 'pt' | 'jp' | 'sg' | 'in';

export interface Country {
  name: string;
  region: Region;
  currency: Currency;
  people: NamePool;
  /** Where the customer's plants, warehouses and offices are, for notes ("site visit in Lyon"). */
  cities: readonly string[];
}

export const COUNTRIES = {
  DE: { name: 'Germany', region: 'EMEA', currency: 'EUR', people: 'de', cities: ['Hamburg', 'Stuttgart', 'Leipzig'] },
  FR: { name: 'France', region: 'EMEA', currency: 'EUR', people: 'fr', cities: ['Lyon', 'Toulouse', 'Lille'] },
  GB: { name: 'United Kingdom', region: 'EMEA', currency: 'GBP', people: 'en', cities: ['Manchester', 'Leeds'] },
  NL: { name: 'Netherlands', region: 'EMEA', currency: 'EUR', people: 'nl', cities: ['Rotterdam', 'Eindhoven'] },
  SE: { name: 'Sweden', region: 'EMEA', currency: 'EUR', people: 'se', cities: ['Gothenburg', 'Västerås'] },
  ES: { name: 'Spain', region: 'EMEA', currency: 'EUR', people: 'es', cities: ['Valencia', 'Bilbao', 'Zaragoza'] },
  IT: { name: 'Italy', region: 'EMEA', currency: 'EUR', people: 'it', cities: ['Turin', 'Bologna', 'Brescia'] },
  PL: { name: 'Poland', region: 'EMEA', currency: 'EUR', people: 'pl', cities: ['Wrocław', 'Poznań', 'Gdańsk'] },
  CH: { name: 'Switzerland', region: 'EMEA', currency: 'EUR', people: 'de', cities: ['Basel', 'Winterthur'] },
  US: {
    name: 'United States',
    region: 'North America',
    currency: 'USD',
    people: 'en',
    cities: ['Columbus', 'Charlotte', 'Denver', 'Milwaukee'],
  },
  CA: { name: 'Canada', region: 'North America', currency: 'USD', people: 'en', cities: ['Calgary', 'Mississauga'] },
  SG: { name: 'Singapore', region: 'APAC', currency: 'USD', people: 'sg', cities: ['Singapore', 'Jurong'] },
  JP: { name: 'Japan', region: 'APAC', currency: 'USD', people: 'jp', cities: ['Nagoya', 'Osaka', 'Yokohama'] },
  AU: { name: 'Australia', region: 'APAC', currency: 'USD', people: 'en', cities: ['Brisbane', 'Perth'] },
  IN: { name: 'India', region: 'APAC', currency: 'USD', people: 'in', cities: ['Pune', 'Chennai'] },
  BR: { name: 'Brazil', region: 'LATAM', currency: 'USD', people: 'pt', cities: ['Campinas', 'Curitiba'] },
  MX: { name: 'Mexico', region: 'LATAM', currency: 'USD', people: 'es', cities: ['Monterrey', 'Querétaro'] },
  CL: { name: 'Chile', region: 'LATAM', currency: 'USD', people: 'es', cities: ['Santiago', 'Antofagasta'] },
  CO: { name: 'Colombia', region: 'LATAM', currency: 'USD', people: 'es', cities: ['Medellín', 'Bogotá'] },
} as const satisfies Record<string, Country>;

export type CountryCode = keyof typeof COUNTRIES;

export const COUNTRIES_BY_REGION: Record<Region, readonly CountryCode[]> = {
  EMEA: ['DE', 'FR', 'GB', 'NL', 'SE', 'ES', 'IT', 'PL', 'CH'],
  'North America': ['US', 'US', 'CA'],
  APAC: ['SG', 'JP', 'AU', 'IN'],
  LATAM: ['BR', 'MX', 'CL', 'CO'],
};

/** Sectors, each with the words a company in it tends to carry in its name. */
export const SECTORS = {
  Manufacturing: ['Industries', 'Machinery', 'Precision'],
  Automotive: ['Automotive', 'Mobility', 'Drive Systems'],
  Logistics: ['Logistics', 'Freight', 'Shipping'],
  Pharma: ['Pharma', 'Life Sciences', 'Biologics'],
  Retail: ['Retail', 'Stores', 'Markets'],
  Energy: ['Energy', 'Power', 'Renewables'],
  Telecom: ['Telecom', 'Networks'],
  Food: ['Foods', 'Dairy', 'Beverages'],
  Chemicals: ['Chemicals', 'Materials', 'Coatings'],
} as const satisfies Record<string, readonly string[]>;

export type Sector = keyof typeof SECTORS;
export const SECTOR_NAMES = Object.keys(SECTORS) as Sector[];

/** Invented company stems, by the region they sound at home in. */
export const COMPANY_STEMS: Record<Region, readonly string[]> = {
  EMEA: [
    'Ashgrove',
    'Belmora',
    'Corvane',
    'Elbridge',
    'Falkvik',
    'Grauwald',
    'Istrana',
    'Kelvara',
    'Lindqvar',
    'Mirovia',
    'Rosvik',
    'Tervano',
    'Westerholm',
    'Zentara',
    'Vellmar',
    'Brasca',
  ],
  'North America': ['Oakhaven', 'Pelham Vale', 'Redfern Hollow', 'Stillwater Ridge', 'Cobalt Creek', 'Granger Bay'],
  APAC: ['Aozora', 'Hoshikawa', 'Lumara', 'Tasman Reach', 'Kirana', 'Southwind Pacific'],
  LATAM: ['Andalva', 'Cordillera Sur', 'Marisca', 'Paranova', 'Solandes', 'Terranza'],
};

/** Suppliers the customer keeps besides us: the rivals named in deals and notes. */
export const COMPETITORS = [
  'Bergmann Systems',
  'Castellan Group',
  'Vireo Technologies',
  'Ostara Solutions',
  'Helix & Rowe',
  'Sundt Automation',
  'Maravilla Tech',
  'Qorvex',
] as const;

/** What we sell, for opportunity titles and notes. */
export const PRODUCTS = [
  'asset monitoring',
  'predictive maintenance',
  'energy analytics',
  'quality inspection',
  'fleet telematics',
  'spare parts management',
  'ERP integration',
  'operator training',
  'remote service',
] as const;

export const LOSS_REASONS = [
  'Price: the competitor came in 12% lower on the three-year total.',
  'Incumbent kept the business; switching risk judged too high.',
  'Budget frozen after the reorganisation.',
  'Scope taken in-house by their own engineering team.',
  'Timing: they needed delivery before our earliest slot.',
  'Lost on integration: no certified connector for their ERP.',
] as const;

/** The global groups: a parent with subsidiaries in other countries, served by one account team. */
export interface GroupSpec {
  key: string;
  name: string;
  aliases: readonly string[];
  country: CountryCode;
  sector: Sector;
  subsidiaries: readonly { suffix: string; name: string; country: CountryCode; tier: 'B' | 'C' }[];
}

export const GROUPS: readonly GroupSpec[] = [
  {
    key: 'nordwind',
    name: 'Nordwind Industries',
    aliases: ['NWI', 'Nordwind'],
    country: 'DE',
    sector: 'Manufacturing',
    subsidiaries: [
      { suffix: 'fr', name: 'Nordwind France', country: 'FR', tier: 'B' },
      { suffix: 'pl', name: 'Nordwind Polska', country: 'PL', tier: 'C' },
      { suffix: 'us', name: 'Nordwind Americas', country: 'US', tier: 'B' },
    ],
  },
  {
    key: 'harbourline',
    name: 'Harbourline Logistics',
    aliases: ['HLL', 'Harbourline'],
    country: 'GB',
    sector: 'Logistics',
    subsidiaries: [
      { suffix: 'nl', name: 'Harbourline Benelux', country: 'NL', tier: 'B' },
      { suffix: 'sg', name: 'Harbourline Asia', country: 'SG', tier: 'C' },
      { suffix: 'br', name: 'Harbourline do Brasil', country: 'BR', tier: 'C' },
    ],
  },
  {
    key: 'kestrel',
    name: 'Kestrel Pharmaceuticals',
    aliases: ['Kestrel Pharma', 'KPX'],
    country: 'US',
    sector: 'Pharma',
    subsidiaries: [
      { suffix: 'jp', name: 'Kestrel Pharma Japan', country: 'JP', tier: 'B' },
      { suffix: 'mx', name: 'Kestrel Pharma México', country: 'MX', tier: 'C' },
    ],
  },
];
