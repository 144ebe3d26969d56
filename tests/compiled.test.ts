// bin/kam.js runs the compiled dist/ only while it matches src/: an edit, a new or a deleted file, or a checkout
// that only changes a file's time must all send it back to the TypeScript source.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDistEntry, sourceStamp } from '../scripts/compiled.mjs';

let root: string;

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function markBuilt() {
  write('dist/build-info.json', JSON.stringify({ sourceStamp: sourceStamp(root) }));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kam-compiled-'));
  write('src/cli.ts', 'export {};\n');
  write('src/store/store.ts', 'export const a = 1;\n');
  write('tsconfig.json', '{}\n');
  write('scripts/build.mjs', '\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('sourceStamp', () => {
  it('stays the same while nothing changes', () => {
    expect(sourceStamp(root)).toBe(sourceStamp(root));
  });

  it.each([
    ['an edited file', () => write('src/store/store.ts', 'export const a = 2;;\n')],
    ['a file with only a new time', () => utimesSync(join(root, 'src/cli.ts'), 1_000, 1_000)],
    ['a new file', () => write('src/store/more.ts', '\n')],
    ['a deleted file', () => rmSync(join(root, 'src/store/store.ts'))],
    ['changed build settings', () => write('tsconfig.json', '{ "x": 1 }\n')],
  ])('changes with %s', (_what, change) => {
    const before = sourceStamp(root);
    change();
    expect(sourceStamp(root)).not.toBe(before);
  });
});

describe('freshDistEntry', () => {
  it('is dist/cli.js when the build matches the source', () => {
    markBuilt();
    expect(freshDistEntry(root)).toBe(join(root, 'dist', 'cli.js'));
  });

  it('is null without a build, or with a half-written one', () => {
    expect(freshDistEntry(root)).toBeNull();
    write('dist/build-info.json', '{"sourceSt');
    expect(freshDistEntry(root)).toBeNull();
  });

  it('is null once the source changed after the build', () => {
    markBuilt();
    write('src/store/store.ts', 'export const a = 3;;\n');
    expect(freshDistEntry(root)).toBeNull();
  });
});
