// Tasks from the demo's titles, due −120…+60 days; most past ones done, at-risk accounts with more overdue.
import { COUNTRIES, PRODUCTS } from '../../src/demo/names.ts';
import { DAY_MS } from '../../src/demo/random.ts';
import { fill, MONTHS, TASK_TITLES } from '../../src/demo/texts.ts';
import type { People } from './people.ts';
import { type GenAccount, type Generation, iso, type WeightedPicker, WORKSPACE_ID } from './shared.ts';

export function insertTasks(
  gen: Generation,
  accounts: GenAccount[],
  accountPicker: WeightedPicker,
  { users }: People,
): void {
  const { db, rng, now, sizes } = gen;
  const taskRng = rng.fork('tasks');
  const insertTask = db.prepare(
    `INSERT INTO Task (workspaceId, accountId, title, dueAt, assigneeId, createdById, doneAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < sizes.tasks; i++) {
      const account = accounts[accountPicker.pick(taskRng)] as GenAccount;
      const contact = account.contacts.length > 0 ? taskRng.pick(account.contacts) : null;
      const title =
        fill(taskRng.pick(TASK_TITLES), {
          opp: account.opportunities[0] ?? 'the framework agreement',
          contact: contact?.name ?? 'procurement',
          first: contact?.first ?? 'procurement',
          site: taskRng.pick(COUNTRIES[account.country].cities as readonly string[]),
          colleague: users[(account.team[0] ?? 1) - 1]?.first ?? 'the team',
          month: taskRng.pick(MONTHS),
          product: taskRng.pick(PRODUCTS),
        }) ?? 'Follow up';
      const hasDue = taskRng.chance(0.9);
      const due = now + taskRng.int(-120, 60) * DAY_MS;
      const overdueBias = account.profile === 'at_risk' ? 0.4 : 0.75;
      const done = due < now ? taskRng.chance(overdueBias) : taskRng.chance(0.1);
      const created = Math.min(now, due - taskRng.int(3, 40) * DAY_MS);
      const doneAt = done ? Math.min(now, due + taskRng.int(-5, 5) * DAY_MS) : null;
      const assignee = account.team[taskRng.int(0, account.team.length - 1)] ?? account.ownerId;
      insertTask.run(
        WORKSPACE_ID,
        account.id,
        title,
        hasDue ? iso(Math.floor(due / DAY_MS) * DAY_MS + 16 * 3_600_000) : null,
        assignee,
        account.ownerId,
        doneAt === null ? null : iso(doneAt),
        iso(created),
        iso(doneAt ?? created),
      );
    }
  })();
}
