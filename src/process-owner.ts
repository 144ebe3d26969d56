// The name a process holds leases under (inbound requests, digest runs), and whether the holder of a lease is
// gone. A lease runs out on its own, so nothing depends on telling: it only lets a restarted process take over the
// work of the one that died at once rather than after the lease. Only a holder on this host can be checked: one
// whose process id no longer exists, or an earlier process that had this very id (a container restarted as pid 1).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

const HOST = hostname();
const INSTANCE = randomBytes(4).toString('hex');

/** "host:pid:instance", unique to this process run. */
export const PROCESS_OWNER = `${HOST}:${process.pid}:${INSTANCE}`;

export function ownerIsGone(owner: string): boolean {
  const match = /^(.*):(\d+):([0-9a-f]+)$/.exec(owner);
  if (!match || match[1] !== HOST) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return match[3] !== INSTANCE;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
