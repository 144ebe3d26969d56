// The column headers kam-bot recognises, per entity: its own export's (the field names), Salesforce's (report
// exports and Data Loader's API names), HubSpot's (export labels and internal names), and the Maven Analytics CRM
// data set's. Headers are compared without case, spaces or punctuation: "Probability (%)" is "probability".

export const ENTITIES = ['accounts', 'contacts', 'opportunities', 'notes', 'users'] as const;
export type Entity = (typeof ENTITIES)[number];

/** Field → the headers that fill it (besides the field's own name). */
export type ColumnNames = Record<string, readonly string[]>;

const ACCOUNT_REF = {
  account: ['account', 'account name', 'company', 'company name', 'associated company', 'customer', 'organization'],
  accountKey: ['account key'],
  accountExternalId: [
    'account id',
    'accountid',
    'parent id',
    'company id',
    'associated company id',
    'associated company ids',
    'associated company ids (primary)',
    'associated company ids primary',
  ],
} as const;

export const COLUMN_NAMES: Record<Entity, ColumnNames> = {
  accounts: {
    externalId: ['id', 'account id', 'record id', 'hs_object_id', 'company id', 'crm id'],
    key: ['account key', 'handle'],
    name: ['account', 'account name', 'company', 'company name', 'name', 'organization', 'customer'],
    aliases: ['also known as', 'aka', 'other names'],
    tier: ['account tier', 'kam tier', 'segment'],
    // Salesforce's account Type: Prospect, Customer - Direct, Customer - Channel, partners, Other.
    status: ['account status', 'type', 'account type', 'lifecycle stage', 'lifecyclestage'],
    sector: ['industry', 'vertical'],
    country: [
      'billing country',
      'country/region',
      'country region',
      'office_location',
      'office location',
      'headquarters',
      'hq country',
      'shipping country',
    ],
    region: ['sales region', 'territory', 'billing state/province'],
    parent: ['parent account', 'parent company', 'parent', 'subsidiary_of', 'subsidiary of', 'parent account name'],
    parentKey: ['parent key'],
    parentExternalId: ['parent account id', 'parentid', 'hs_parent_company_id', 'parent company id'],
    owner: ['account owner', 'company owner', 'owner', 'owner name', 'key account manager', 'kam'],
    annualRevenue: ['annual revenue', 'revenue', 'annualrevenue'],
    annualRevenueMillions: ['revenue (millions)', 'revenue in millions', 'annual revenue (millions)'],
    potential: ['potential', 'account potential'],
    currency: ['currency', 'currencyisocode', 'account currency', 'annual revenue currency'],
    renewalAt: ['renewal', 'renewal date', 'contract end date', 'contract renewal date'],
    visibility: [],
    strategy: ['description', 'account strategy', 'about'],
    archivedAt: ['archived', 'archived at'],
  },
  contacts: {
    externalId: ['id', 'contact id', 'record id', 'hs_object_id'],
    ...ACCOUNT_REF,
    name: ['full name', 'contact name', 'name', 'contact'],
    firstName: ['first name', 'firstname', 'given name'],
    lastName: ['last name', 'lastname', 'surname', 'family name'],
    title: ['job title', 'jobtitle', 'position', 'role title'],
    email: ['email', 'email address', 'e-mail'],
    phone: ['phone', 'phone number', 'business phone', 'mobile', 'mobile phone', 'mobilephone'],
    buyingRole: ['buying role', 'role', 'buying center role', 'buying centre role', 'contact role'],
    influence: [],
    relationship: [],
    lastContactAt: ['last activity', 'last activity date', 'lastactivitydate', 'last contacted', 'last contact'],
    leftAt: ['left', 'left on', 'date left', 'left the company'],
  },
  opportunities: {
    externalId: ['id', 'opportunity id', 'opportunity_id', 'deal id', 'record id', 'hs_object_id'],
    ...ACCOUNT_REF,
    title: ['opportunity name', 'opportunity', 'deal name', 'dealname', 'name', 'product', 'subject'],
    stage: ['stage', 'stagename', 'deal stage', 'dealstage', 'deal_stage', 'opportunity stage'],
    value: ['amount', 'close_value', 'close value', 'deal value', 'value', 'expected revenue'],
    currency: ['currency', 'currencyisocode', 'amount currency', 'opportunity currency', 'deal currency code'],
    expectedCloseAt: ['close date', 'closedate', 'close_date', 'expected close date', 'expected close'],
    probability: ['probability (%)', 'probability', 'deal probability', 'hs_deal_stage_probability'],
    competitors: ['competitor', 'main competitors'],
    lossReason: ['loss reason', 'closed lost reason', 'closed_lost_reason', 'reason lost'],
    owner: ['opportunity owner', 'deal owner', 'owner', 'sales_agent', 'sales agent', 'owner name'],
    closedAt: ['closed at', 'date closed'],
    stageChangedAt: ['last stage change date', 'stage changed', 'laststagechangedate'],
    createdAt: ['created date', 'createddate', 'create date', 'createdate', 'engage_date', 'engage date'],
  },
  notes: {
    externalId: ['id', 'note id', 'record id', 'activity id', 'hs_object_id'],
    ...ACCOUNT_REF,
    body: ['note', 'note body', 'hs_note_body', 'comments', 'description', 'text', 'content', 'notes'],
    subject: ['title', 'subject'],
    kind: ['type', 'activity type', 'engagement type'],
    sentiment: [],
    tags: ['tag', 'labels'],
    author: ['created by', 'author name', 'owner', 'activity assigned to', 'assigned to', 'note owner'],
    occurredAt: ['date', 'activity date', 'created date', 'createddate', 'hs_timestamp', 'occurred', 'timestamp'],
    source: [],
    sourceChannel: [],
    sourceMessageId: [],
    sourcePermalink: ['permalink', 'link'],
  },
  users: {
    name: ['display name', 'full name', 'name', 'user', 'sales_agent', 'sales agent', 'agent'],
    email: ['email', 'email address', 'e-mail'],
    role: ['kam role', 'access'],
    timeZone: ['time zone', 'timezone', 'tz'],
  },
};

/** What a header is compared as: "Probability (%)" → "probability", "Country/Region" → "countryregion". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The fields of an entity, in the order the tables above give them. */
export function fieldNames(entity: Entity): string[] {
  return Object.keys(COLUMN_NAMES[entity]);
}
