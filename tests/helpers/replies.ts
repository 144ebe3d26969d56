// Small checks the command tests share.
import { expect } from 'vitest';
import type { User } from '../../src/domain/records.ts';
import type { ListBlock } from '../../src/replies/reply.ts';
import { rowCounts } from './row-counts.ts';
import type { TestWorkspace } from './workspace.ts';

/** The reply's list block at `index` among its blocks. */
export function listOf(result: { reply: { blocks: readonly unknown[] } }, index = 0): ListBlock {
  const block = result.reply.blocks[index] as ListBlock | undefined;
  if (block?.type !== 'list') throw new Error('expected a list block');
  return block;
}

/** The number after "#" in a reply, such as a new task's. */
export function idIn(summary: string): number {
  const match = /#(\d+)/.exec(summary);
  if (!match) throw new Error(`no #id in “${summary}”`);
  return Number(match[1]);
}

/** A `refused(command, message, user?)` that runs a command which must fail, checks its one sentence, and that no row changed. */
export function refuser(t: TestWorkspace, databasePath: string) {
  return async (command: string, message: string, user: User = t.admin) => {
    const before = rowCounts(databasePath);
    const result = await t.run(command, user);
    expect(result.status).toBe('user_error');
    expect(rowCounts(databasePath)).toEqual(before);
    expect(result.reply.summary).toBe(message);
    return result;
  };
}
