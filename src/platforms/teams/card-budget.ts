// How a card's bytes are shared between the parts of a reply: what each part keeps back for the parts after it.
import { fairCaps } from '../fair-caps.ts';
import type { Room } from './card-text.ts';

/** What a part needs, in bytes: the least that shows anything of it, and all of it (needOf in reply-cards.ts). */
export interface Need {
  least: number;
  full: number;
}

/**
 * The bytes to keep back for the parts after `index`: each its fair share of the room left (never less than its
 * least), for as many as fit beside the least of part `index` itself.
 */
export function laterShares(needs: readonly Need[], index: number, room: Room): number {
  room.hold(0);
  const free = room.free();
  const rest = needs.slice(index);
  const caps = fairCaps(
    rest.map((need) => need.full),
    free,
  );
  const own = rest[0]?.least ?? 0;
  let held = 0;
  for (const [offset, need] of rest.entries()) {
    if (offset === 0) continue;
    const share = Math.max(need.least, caps[offset] ?? 0);
    if (own + held + share <= free) held += share;
    else if (own + held + need.least <= free) held += need.least;
    else break;
  }
  return held;
}
