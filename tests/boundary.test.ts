// The architecture's arrows, checked: platform SDKs only in src/platforms, Prisma only in src/store, and the
// domain importing nothing of ours but the message catalogue its reasons are written in.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? match[2] ?? '');
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), imports: imports(path) }));

describe('module boundaries', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((file) => file.imports.length > 0)).toBe(true);
  });

  it('keeps Slack and Teams SDKs inside src/platforms', () => {
    const offenders = files
      .filter((file) => !file.path.startsWith('platforms/'))
      .filter((file) => file.imports.some((name) => /^(@slack\/|@microsoft\/teams|botbuilder)/.test(name)));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps Prisma inside src/store', () => {
    const offenders = files
      .filter((file) => !file.path.startsWith('store/'))
      .filter((file) => file.imports.some((name) => name.startsWith('@prisma/') || name.includes('generated/prisma')));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps the domain free of our other layers and of I/O, save the message catalogue its reasons are keyed in', () => {
    const offenders = files
      .filter((file) => file.path.startsWith('domain/'))
      .filter((file) =>
        file.imports.some(
          (name) =>
            (name.startsWith('.') && !name.startsWith('./') && name !== '../i18n/translate.ts') ||
            name.startsWith('node:'),
        ),
      );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps the message catalogue a leaf: it imports nothing of ours but itself', () => {
    const offenders = files
      .filter((file) => file.path.startsWith('i18n/'))
      .filter((file) => file.imports.some((name) => name.startsWith('..') && !name.startsWith('../i18n/')));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('keeps commands and replies off the platforms', () => {
    const offenders = files
      .filter((file) => /^(commands|replies|domain|store|jobs)\//.test(file.path))
      .filter((file) => file.imports.some((name) => name.includes('/platforms/')));
    expect(offenders.map((file) => file.path)).toEqual([]);
  });
});
