// The block and character budget of one Slack message: the Room that blocks are added to, and how much of it each
// part keeps back for the parts after it.

import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../i18n/locale.ts';
import { fairCaps } from '../fair-caps.ts';
import { textChars } from './block-elements.ts';

export interface Reserve {
  blocks: number;
  chars: number;
}

export const NONE: Reserve = { blocks: 0, chars: 0 };
/** Room for one closing notice ("…and N more", "left out"). */
export const NOTICE: Reserve = { blocks: 1, chars: 120 };
/** A list keeps room for its own "…and N more" and for a notice after it. */
export const LIST_RESERVE: Reserve = { blocks: 2, chars: 240 };
/** Text is cut to fit the characters left only when at least this much fits; otherwise rendering stops there. */
export const CUT_TEXT_MIN = 200;

/** The blocks rendered so far and what is left of the block and character budget. */
export class Room {
  readonly blocks: KnownBlock[] = [];
  /** Kept back for the parts after the one being added, so each of them can still show something. */
  private held: Reserve = NONE;
  constructor(
    private blocksLeft: number,
    private charsLeft: number,
    /** The reader's language, for the notices the renderer adds. */
    readonly locale: Locale,
  ) {}

  hold(reserve: Reserve): void {
    this.held = reserve;
  }

  blocksFree(reserve: Reserve = NOTICE): number {
    return this.blocksLeft - reserve.blocks - this.held.blocks;
  }

  charsFree(reserve: Reserve = NOTICE): number {
    return this.charsLeft - reserve.chars - this.held.chars;
  }

  /** Adds the blocks if they fit and still leave `reserve` free. */
  add(candidate: KnownBlock[], reserve: Reserve = NOTICE): boolean {
    if (candidate.length > this.blocksFree(reserve) || textChars(candidate) > this.charsFree(reserve)) return false;
    this.blocks.push(...candidate);
    this.blocksLeft -= candidate.length;
    this.charsLeft -= textChars(candidate);
    return true;
  }

  /** Adds a notice into the space kept for it (nothing if even that is gone, in a tiny budget). */
  addNotice(block: KnownBlock): void {
    this.add([block], NONE);
  }
}

/** A text section, cut to the characters left when the whole text does not fit. */
export function addCutToFit(room: Room, build: (max: number) => KnownBlock, limit: number, reserve = NOTICE): boolean {
  if (room.add([build(limit)], reserve)) return true;
  const max = Math.min(limit, room.charsFree(reserve));
  return max >= CUT_TEXT_MIN && room.add([build(max)], reserve);
}

// ---- sharing the message between parts ----

/** What a part needs: the least that shows anything of it, and all of it (needOf in blocks.ts measures it). */
export interface Need {
  least: Reserve;
  full: Reserve;
}

function plus(a: Reserve, b: Reserve): Reserve {
  return { blocks: a.blocks + b.blocks, chars: a.chars + b.chars };
}

/**
 * What to keep back for the parts after `index`: each its fair share of the room left (fairCaps: small parts all
 * they need, big ones an equal split, never less than their least), for as many as fit beside the least of part
 * `index` itself.
 */
export function laterShares(needs: readonly Need[], index: number, room: Room): Reserve {
  room.hold(NONE);
  const free: Reserve = { blocks: room.blocksFree(), chars: room.charsFree() };
  const rest = needs.slice(index);
  const blockCaps = fairCaps(
    rest.map((need) => need.full.blocks),
    free.blocks,
  );
  const charCaps = fairCaps(
    rest.map((need) => need.full.chars),
    free.chars,
  );
  const fits = (held: Reserve) => {
    const total = plus(rest[0]?.least ?? NONE, held);
    return total.blocks <= free.blocks && total.chars <= free.chars;
  };
  let held = NONE;
  for (const [offset, need] of rest.entries()) {
    if (offset === 0) continue;
    const share = {
      blocks: Math.max(need.least.blocks, blockCaps[offset] ?? 0),
      chars: Math.max(need.least.chars, charCaps[offset] ?? 0),
    };
    if (fits(plus(held, share))) held = plus(held, share);
    else if (fits(plus(held, need.least))) held = plus(held, need.least);
    else break;
  }
  return held;
}
