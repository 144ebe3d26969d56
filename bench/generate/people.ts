// The people of the workspace: the workspace itself and its installations, ~200 users with their identities on
// every platform (admins, key account managers, sales engineers and local reps), and the accounts' contacts.
import { COUNTRIES, COUNTRIES_BY_REGION, type Region } from '../../src/demo/names.ts';
import { ascii, FIRST_NAMES, LAST_NAMES, TITLES } from '../../src/demo/people.ts';
import { DAY_MS } from '../../src/demo/random.ts';
import type { BuyingRole } from '../../src/domain/records.ts';
import type { Persona } from '../lib/dataset.ts';
import {
  type GenAccount,
  type Generation,
  type GenUser,
  iso,
  SLACK_TEAM,
  TEAMS_TENANT,
  type WeightedPicker,
  WORKSPACE_ID,
} from './shared.ts';

const REGION_ZONES: Record<Region, string> = {
  EMEA: 'Europe/Berlin',
  'North America': 'America/New_York',
  APAC: 'Asia/Singapore',
  LATAM: 'America/Sao_Paulo',
};

function personaOf(id: number, name: string, role: 'admin' | 'member'): Persona {
  const hex = id.toString(16).padStart(12, '0');
  return {
    userId: id,
    name,
    role,
    slackId: `UB${String(id).padStart(8, '0')}`,
    aadId: `0b0e0c00-0000-4000-8000-${hex}`,
    teamsId: `29:bench-user-${id}`,
    login: ascii(name)
      .toLowerCase()
      .replace(/[^a-z]+/g, '.'),
  };
}

export interface People {
  users: GenUser[];
  /** How many of the first users are admins. */
  admins: number;
  /** Key account managers: the members who own accounts. */
  kams: GenUser[];
  /** Sales engineers and local reps: members on account teams. */
  others: GenUser[];
}

/** The workspace, its Slack, Teams and console installations, and the users with their identities. */
export function insertWorkspaceAndUsers(gen: Generation): People {
  const { db, rng, now, sizes } = gen;
  db.prepare(
    `INSERT INTO Workspace (id, name, timeZone, currency, healthSettings, createdAt, updatedAt)
     VALUES (?, 'Bench Corp', 'Europe/Berlin', 'EUR', NULL, ?, ?)`,
  ).run(WORKSPACE_ID, iso(now - 1_500 * DAY_MS), iso(now));
  const installation = db.prepare(
    'INSERT INTO Installation (workspaceId, platform, externalId, installedAt) VALUES (?, ?, ?, ?)',
  );
  installation.run(WORKSPACE_ID, 'slack', SLACK_TEAM, iso(now - 1_400 * DAY_MS));
  installation.run(WORKSPACE_ID, 'teams', TEAMS_TENANT, iso(now - 1_300 * DAY_MS));
  installation.run(WORKSPACE_ID, 'console', 'local', iso(now - 1_400 * DAY_MS));

  const users: GenUser[] = [];
  const userRng = rng.fork('users');
  const regions = Object.keys(COUNTRIES_BY_REGION) as Region[];
  const takenNames = new Set<string>();
  const insertUser = db.prepare(
    `INSERT INTO User (id, workspaceId, displayName, email, role, timeZone, deactivated, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertIdentity = db.prepare(
    'INSERT INTO UserIdentity (workspaceId, userId, platform, externalId, createdAt) VALUES (?, ?, ?, ?, ?)',
  );
  const admins = Math.max(2, Math.round(sizes.users * 0.025));
  db.transaction(() => {
    for (let id = 1; id <= sizes.users; id++) {
      const region = userRng.weighted(regions.map((r) => [r, r === 'EMEA' ? 5 : 2] as const));
      const pool = COUNTRIES[userRng.pick(COUNTRIES_BY_REGION[region])].people;
      let name = '';
      do {
        name = `${userRng.pick(FIRST_NAMES[pool])} ${userRng.pick(LAST_NAMES[pool])}`;
        if (takenNames.has(name))
          name = `${name.split(' ')[0]} ${String.fromCharCode(65 + userRng.int(0, 25))}. ${name.split(' ').slice(1).join(' ')}`;
      } while (takenNames.has(name));
      takenNames.add(name);
      const role = id <= admins ? 'admin' : 'member';
      const persona = personaOf(id, name, role);
      users.push({ id, name, first: name.split(' ')[0] ?? name, role, region, persona });
      const created = iso(now - userRng.int(100, 1_400) * DAY_MS);
      insertUser.run(
        id,
        WORKSPACE_ID,
        name,
        `${persona.login}@bench.example`,
        role,
        REGION_ZONES[region],
        created,
        created,
      );
      insertIdentity.run(WORKSPACE_ID, id, 'slack', persona.slackId, created);
      insertIdentity.run(WORKSPACE_ID, id, 'teams', persona.aadId, created);
      insertIdentity.run(WORKSPACE_ID, id, 'teams', persona.teamsId, created);
      insertIdentity.run(WORKSPACE_ID, id, 'console', persona.login, created);
    }
  })();
  // Key account managers own accounts; the rest are sales engineers and local reps on account teams.
  const kams = users.filter((user) => user.role === 'member').slice(0, Math.round(sizes.users * 0.7));
  const others = users.filter((user) => user.role === 'member' && !kams.includes(user));
  return { users, admins, kams, others };
}

/** Contacts, spread over the accounts by weight; each account keeps its contacts for the note and task texts. */
export function insertContacts(gen: Generation, accounts: GenAccount[], accountPicker: WeightedPicker): void {
  const { db, rng, now, sizes } = gen;
  const contactRng = rng.fork('contacts');
  const insertContact = db.prepare(
    `INSERT INTO Contact (workspaceId, accountId, name, title, email, phone, buyingRole, influence, relationship,
       lastContactAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ROLES: readonly (readonly [BuyingRole | null, number])[] = [
    ['decision_maker', 10],
    ['economic_buyer', 8],
    ['champion', 10],
    ['influencer', 18],
    ['user', 20],
    ['gatekeeper', 6],
    [null, 28],
  ];
  db.transaction(() => {
    for (let i = 0; i < sizes.contacts; i++) {
      const account = accounts[accountPicker.pick(contactRng)] as GenAccount;
      const pool = COUNTRIES[account.country].people;
      const first = contactRng.pick(FIRST_NAMES[pool]);
      const name = `${first} ${contactRng.pick(LAST_NAMES[pool])}`;
      const role = contactRng.weighted(ROLES);
      const title = contactRng.pick(TITLES[role ?? contactRng.pick(['user', 'influencer'] as const)]);
      account.contacts.push({ name, first, title, role });
      const quietDays = account.profile === 'dormant' ? contactRng.int(90, 600) : contactRng.int(0, 200);
      const created = iso(Math.max(account.createdAt, now - contactRng.int(30, 1_200) * DAY_MS));
      insertContact.run(
        WORKSPACE_ID,
        account.id,
        name,
        title,
        `${ascii(name)
          .toLowerCase()
          .replace(/[^a-z]+/g, '.')}@${account.key}.example`,
        contactRng.chance(0.3) ? `+49 30 ${contactRng.int(1_000_000, 9_999_999)}` : null,
        role,
        contactRng.int(1, 5),
        contactRng.weighted([
          [-2, 3],
          [-1, 8],
          [0, 35],
          [1, 34],
          [2, 20],
        ] as const),
        contactRng.chance(0.8) ? iso(now - quietDays * DAY_MS) : null,
        created,
        created,
      );
    }
  })();
}
