// Follow-up reminders: on the day a task is due, in the assignee's own time zone (the workspace's when theirs is
// unknown) and from 08:00 there, the assignee gets a direct message, once. The task is marked reminded before the
// message is sent (a crash in between loses a reminder rather than sending two).
import { pickLocale } from '../i18n/locale.ts';
import { t } from '../i18n/translate.ts';
import type { Logger } from '../logger.ts';
import { reply } from '../replies/build.ts';
import { formatDay } from '../replies/format.ts';
import type { Store } from '../store/store.ts';
import type { Poster } from './poster.ts';

/** Reminders go out from this local hour on, so nobody is pinged at midnight. */
export const REMINDER_HOUR = 8;
const DAY_MS = 86_400_000;

function localParts(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

export async function sendTaskReminders(deps: {
  store: Store;
  poster: Poster;
  clock: () => Date;
  logger: Logger;
}): Promise<number> {
  const now = deps.clock();
  let sent = 0;
  for (const workspace of await deps.store.workspaces.list()) {
    const ws = deps.store.forWorkspace(workspace.id);
    // Somewhere on Earth it is the day before or after UTC's: look at all three, then ask each assignee's clock.
    const utcDay = now.getTime() - (now.getTime() % DAY_MS);
    const candidates = [];
    for (const offset of [-1, 0, 1]) {
      candidates.push(...(await ws.tasks.dueOn(new Date(utcDay + offset * DAY_MS).toISOString().slice(0, 10))));
    }
    const assignees = await ws.users.byIds(candidates.flatMap((task) => (task.assigneeId ? [task.assigneeId] : [])));
    for (const task of candidates) {
      const assignee = task.assigneeId ? assignees.get(task.assigneeId) : undefined;
      if (!assignee || !task.dueAt) continue;
      const local = localParts(now, assignee.timeZone ?? workspace.timeZone);
      if (local.day !== task.dueAt.toISOString().slice(0, 10) || local.hour < REMINDER_HOUR) continue;
      if (!(await ws.tasks.claimReminder(task.id, now))) continue;
      const account = await ws.accounts.byId(task.accountId);
      // The assignee's language, else the workspace's.
      const locale = pickLocale(assignee.locale, workspace.locale);
      const message = reply({
        title: t(locale, 'reminder.dueToday'),
        summary: t(locale, 'reminder.summary', { title: task.title }),
        blocks: [
          {
            type: 'list',
            items: [
              {
                title: task.title,
                meta: [`#${task.id}`, account?.name, t(locale, 'task.due', { day: formatDay(task.dueAt, locale) })]
                  .filter(Boolean)
                  .join(' · '),
                buttons: [
                  {
                    label: t(locale, 'button.done'),
                    actionId: 'task_done',
                    value: String(task.id),
                    style: 'primary',
                    command: `/account done ${task.id}`,
                  },
                ],
              },
            ],
            total: 1,
          },
        ],
      });
      try {
        const localized = { ...message, locale };
        if (await deps.poster.toPerson(workspace.id, assignee.id, localized, `reminder:${task.id}`)) sent++;
      } catch (error) {
        deps.logger.error({ err: error, task: task.id }, 'a reminder could not be sent');
      }
    }
  }
  return sent;
}
