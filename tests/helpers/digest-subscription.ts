// A weekly digest subscription (Mondays 09:00, Berlin) as the job tests set one up.
import type { Platform } from '../../src/domain/records.ts';
import { SYSTEM_ACTOR, type WorkspaceStore } from '../../src/store/store.ts';

export function subscribeWeekly(
  ws: WorkspaceStore,
  platform: Platform,
  channelId: string,
  createdAt = new Date('2026-11-01T12:00:00Z'),
) {
  return ws.digestSubscriptions.create(
    { platform, channelId, cron: '0 9 * * 1', timeZone: 'Europe/Berlin', filter: {}, createdById: null, createdAt },
    SYSTEM_ACTOR,
  );
}
