// People: our own account team (fixed, so the demo's story can name them) and the customers' stakeholders, whose
// names the generator puts together from first and last names that fit the country.
import type { BuyingRole, UserRole } from '../domain/records.ts';
import type { NamePool, Region } from './names.ts';

export const DEMO_EMAIL_DOMAIN = 'kam-demo.example';

/** The user ref that stands for the person running the demo. */
export const YOU = 'you';

/** What a demo user does here; decides which accounts they own and which team roles they take. */
export type Job = 'head' | 'kam' | 'sales_engineer' | 'local_rep' | 'sponsor';

export interface DemoUserSpec {
  ref: string;
  displayName: string;
  role: UserRole;
  timeZone: string;
  job: Job;
  /** Regions a key account manager or sales engineer covers. */
  regions: readonly Region[];
}

export const DEMO_USERS: readonly DemoUserSpec[] = [
  { ref: 'katrin', displayName: 'Katrin Vogel', role: 'admin', timeZone: 'Europe/Berlin', job: 'head', regions: [] },
  {
    ref: 'daniel',
    displayName: 'Daniel Osei',
    role: 'member',
    timeZone: 'Europe/London',
    job: 'kam',
    regions: ['EMEA'],
  },
  {
    ref: 'sofia',
    displayName: 'Sofia Marchetti',
    role: 'member',
    timeZone: 'Europe/Rome',
    job: 'kam',
    regions: ['EMEA'],
  },
  {
    ref: 'ryan',
    displayName: 'Ryan Caldwell',
    role: 'member',
    timeZone: 'America/Chicago',
    job: 'kam',
    regions: ['North America', 'LATAM'],
  },
  { ref: 'mei', displayName: 'Mei Lin Tan', role: 'member', timeZone: 'Asia/Singapore', job: 'kam', regions: ['APAC'] },
  {
    ref: 'jonas',
    displayName: 'Jonas Lindqvist',
    role: 'member',
    timeZone: 'Europe/Stockholm',
    job: 'sales_engineer',
    regions: ['EMEA', 'APAC'],
  },
  {
    ref: 'priya',
    displayName: 'Priya Raman',
    role: 'member',
    timeZone: 'America/Toronto',
    job: 'sales_engineer',
    regions: ['North America', 'LATAM'],
  },
  {
    ref: 'lucia',
    displayName: 'Lucía Ferreira',
    role: 'member',
    timeZone: 'America/Sao_Paulo',
    job: 'local_rep',
    regions: ['LATAM'],
  },
  {
    ref: 'henrik',
    displayName: 'Henrik Brandt',
    role: 'member',
    timeZone: 'Europe/Berlin',
    job: 'sponsor',
    regions: [],
  },
];

export function demoEmail(displayName: string, domain: string): string {
  return `${ascii(displayName).toLowerCase().replace(/\s+/g, '.')}@${domain}`;
}

/** "Lucía Müller-Łęcka" → "Lucia Muller-Lecka", for e-mail addresses. */
export function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o');
}

export const FIRST_NAMES: Record<NamePool, readonly string[]> = {
  de: ['Anja', 'Markus', 'Stefanie', 'Tobias', 'Claudia', 'Jörg', 'Miriam', 'Florian', 'Ute', 'Sebastian'],
  fr: ['Camille', 'Julien', 'Élodie', 'Mathieu', 'Nathalie', 'Thierry', 'Sandrine', 'Guillaume'],
  en: ['Emily', 'James', 'Rachel', 'Mark', 'Hannah', 'Chris', 'Laura', 'Tom', 'Megan', 'David'],
  nl: ['Sanne', 'Joost', 'Femke', 'Bram', 'Lotte', 'Ruben'],
  se: ['Karin', 'Erik', 'Linnea', 'Magnus', 'Sara', 'Anders'],
  es: ['Lucía', 'Javier', 'Marta', 'Alejandro', 'Carmen', 'Diego', 'Paula', 'Andrés'],
  it: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro'],
  pl: ['Agnieszka', 'Tomasz', 'Katarzyna', 'Piotr', 'Magdalena', 'Paweł'],
  pt: ['Ana', 'Rafael', 'Juliana', 'Thiago', 'Fernanda', 'Bruno'],
  jp: ['Yuki', 'Hiroshi', 'Aya', 'Kenji', 'Naoko', 'Takeshi'],
  sg: ['Wei Ling', 'Jun Hao', 'Siti', 'Marcus', 'Hui Min', 'Ravi'],
  in: ['Ananya', 'Rohit', 'Kavya', 'Vikram', 'Neha', 'Arjun'],
};

export const LAST_NAMES: Record<NamePool, readonly string[]> = {
  de: ['Hoffmann', 'Krüger', 'Schreiber', 'Lange', 'Brandes', 'Wolters', 'Albrecht', 'Seidel', 'Kessler', 'Vogt'],
  fr: ['Lefèvre', 'Moreau', 'Girard', 'Rousseau', 'Fontaine', 'Chevalier', 'Lambert', 'Perrin'],
  en: ['Hughes', 'Carter', 'Whitfield', 'Morgan', 'Ellison', 'Brooks', 'Sutton', 'Hale', 'Doyle', 'Parker'],
  nl: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'van Dijk'],
  se: ['Lindgren', 'Holm', 'Berg', 'Nyström', 'Ekström', 'Sjöberg'],
  es: ['García', 'Romero', 'Navarro', 'Ortega', 'Castillo', 'Méndez', 'Vargas', 'Herrera'],
  it: ['Rossi', 'Bianchi', 'Ferraro', 'Galli', 'Conti', 'Marini'],
  pl: ['Nowak', 'Kowalczyk', 'Wójcik', 'Mazur', 'Krawczyk', 'Dudek'],
  pt: ['Silva', 'Oliveira', 'Costa', 'Almeida', 'Rocha', 'Barbosa'],
  jp: ['Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto'],
  sg: ['Tan', 'Lim', 'Ng', 'Wong', 'Rahman', 'Nair'],
  in: ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Kulkarni', 'Mehta'],
};

/** Titles that go with each buying-centre role. */
export const TITLES: Record<BuyingRole, readonly string[]> = {
  decision_maker: ['Chief Operating Officer', 'Managing Director', 'VP Operations', 'SVP Manufacturing'],
  economic_buyer: ['Chief Financial Officer', 'Head of Procurement', 'Finance Director'],
  champion: ['Head of Engineering', 'Director Supply Chain', 'Plant Manager', 'Head of Digital Operations'],
  influencer: ['Enterprise Architect', 'Head of Quality', 'IT Security Lead', 'Head of Maintenance'],
  user: ['Maintenance Planner', 'Shift Supervisor', 'Operations Analyst', 'Fleet Coordinator'],
  gatekeeper: ['Category Manager Indirect Spend', 'Strategic Buyer', 'Executive Assistant to the CEO'],
};
