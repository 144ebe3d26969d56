// Work after an acknowledgement takes turns: a limit on how many work at once, and one start per round of the
// event loop, so what arrives meanwhile (the next requests to acknowledge) is read between two starts.
import { describe, expect, it } from 'vitest';
import { type Release, WorkTurns } from '../../src/platforms/work-turns.ts';

describe('WorkTurns', () => {
  it('lets at most `limit` work at once, and the next in when one is done', async () => {
    const turns = new WorkTurns(2);
    const started: number[] = [];
    const releases: Release[] = [];
    const all = [0, 1, 2, 3].map((i) =>
      turns.acquire().then((release) => {
        started.push(i);
        releases.push(release);
      }),
    );
    await Promise.all(all.slice(0, 2));
    expect(started).toEqual([0, 1]);
    expect(turns.busy).toBe(4);
    releases[0]?.();
    releases[0]?.(); // a second release of the same turn changes nothing
    await all[2];
    expect(started).toEqual([0, 1, 2]);
    expect(turns.busy).toBe(3);
  });

  it('starts one waiting request per round of the event loop, leaving the rest of the round to I/O', async () => {
    const turns = new WorkTurns(100);
    let started = 0;
    for (let i = 0; i < 5; i++) void turns.acquire().then(() => started++);
    const seen: number[] = [];
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(started);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
