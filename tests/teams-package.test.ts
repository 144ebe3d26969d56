// `npm run teams:package` as a deployer runs it: a real process that writes the zip Teams accepts, read back here
// with a small ZIP reader so the test checks what is actually inside, not what the script meant to write.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'teams-package.mjs');
const APP_ID = '5c9a3f1e-7b2d-4e8a-9f10-2a3b4c5d6e7f';
// biome-ignore lint/suspicious/noTemplateCurlyInString: the Teams Toolkit placeholder syntax, meant literally.
const PLACEHOLDER = '${{TEAMS_APP_ID}}';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Limits from the v1.17 manifest schema; Teams rejects the upload when one is exceeded.
const SHORT_NAME_MAX = 30;
const FULL_NAME_MAX = 100;
const SHORT_DESCRIPTION_MAX = 80;
const FULL_DESCRIPTION_MAX = 4000;
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

interface Command {
  title: string;
  description: string;
}

interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  composeExtensions: {
    botId: string;
    commands: (Command & {
      id: string;
      type: string;
      context: string[];
      fetchTask?: boolean;
      initialRun?: boolean;
      parameters?: { name: string; title: string; description: string; inputType: string }[];
    })[];
  }[];
  permissions: string[];
}

function runPackage(env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    // A clean environment, so a TEAMS_APP_ID in the developer's shell cannot leak into the "missing" case.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Reads a ZIP's central directory and returns each entry's name and uncompressed bytes, CRC-checked. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory header at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);

    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const stored = zip.subarray(dataAt, dataAt + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unexpected compression method ${method}`);
    const data = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function pngSize(png: Buffer) {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function lengthViolations(manifest: Manifest): string[] {
  const checks: [string, string, number][] = [
    ['name.short', manifest.name.short, SHORT_NAME_MAX],
    ['name.full', manifest.name.full, FULL_NAME_MAX],
    ['description.short', manifest.description.short, SHORT_DESCRIPTION_MAX],
    ['description.full', manifest.description.full, FULL_DESCRIPTION_MAX],
  ];
  const commands = [
    ...manifest.bots.flatMap((bot) => bot.commandLists.flatMap((list) => list.commands)),
    ...manifest.composeExtensions.flatMap((extension) => extension.commands),
  ];
  for (const command of commands) {
    checks.push([`command "${command.title}" title`, command.title, COMMAND_TITLE_MAX]);
    checks.push([`command "${command.title}" description`, command.description, COMMAND_DESCRIPTION_MAX]);
  }
  for (const parameter of manifest.composeExtensions.flatMap((e) => e.commands.flatMap((c) => c.parameters ?? []))) {
    checks.push([`parameter "${parameter.name}" title`, parameter.title, COMMAND_TITLE_MAX]);
    checks.push([`parameter "${parameter.name}" description`, parameter.description, COMMAND_DESCRIPTION_MAX]);
  }
  return checks
    .filter(([, text, max]) => text.length === 0 || text.length > max)
    .map(([label, text, max]) => `${label} is ${text.length} characters, allowed 1-${max}`);
}

describe('npm run teams:package', () => {
  let dir: string;
  let run: ReturnType<typeof runPackage>;
  let entries: Map<string, Buffer>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kam-teams-package-'));
    const out = join(dir, 'kam-bot.zip');
    run = runPackage({ TEAMS_APP_ID: APP_ID }, ['--out', out]);
    entries = run.code === 0 ? readZip(readFileSync(out)) : new Map();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function entry(name: string): Buffer {
    const data = entries.get(name);
    if (!data) throw new Error(`${name} is not in the package`);
    return data;
  }

  function packagedManifest(): Manifest {
    return JSON.parse(entry('manifest.json').toString('utf8')) as Manifest;
  }

  it('writes the zip to --out and says where', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(join(dir, 'kam-bot.zip'));
  });

  it('holds exactly manifest.json, color.png and outline.png at the root', () => {
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('fills in the app id everywhere and leaves no placeholder behind', () => {
    const text = entry('manifest.json').toString('utf8');
    expect(text).not.toContain('${{');
    const source = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');
    expect(text).toBe(source.replaceAll(PLACEHOLDER, APP_ID));
    const manifest = packagedManifest();
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.composeExtensions[0]?.botId).toBe(APP_ID);
  });

  it('declares manifest 1.17, the bot scopes and the two message extension commands', () => {
    const manifest = packagedManifest();
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.bots[0]?.commandLists.flatMap((list) => list.scopes).sort()).toEqual([
      'groupChat',
      'personal',
      'team',
    ]);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    const commands = manifest.composeExtensions[0]?.commands ?? [];
    expect(commands.find((c) => c.id === 'saveToAccount')).toMatchObject({
      type: 'action',
      context: ['message'],
      fetchTask: true,
      title: 'Save to account',
    });
    expect(commands.find((c) => c.id === 'findAccount')).toMatchObject({
      type: 'query',
      context: ['compose', 'commandBox'],
      initialRun: true,
      parameters: [{ name: 'query', title: 'Account', description: 'Name, key or alias', inputType: 'text' }],
    });
  });

  it('keeps every name, description and command within the Teams length limits', () => {
    expect(lengthViolations(packagedManifest())).toEqual([]);
  });

  it('packs real PNG icons of 192×192 (color) and 32×32 (outline)', () => {
    const manifest = packagedManifest();
    const color = entry(manifest.icons.color);
    const outline = entry(manifest.icons.outline);
    for (const png of [color, outline]) {
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    }
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    // Colour type 6 is RGBA: the outline icon needs its transparent background.
    expect(outline[25]).toBe(6);
  });
});

describe('npm run teams:package without a usable TEAMS_APP_ID', () => {
  function expectOneSentence(stderr: string) {
    const message = stderr.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^TEAMS_APP_ID [^\n]*\.$/);
    expect(message.slice(0, -1)).not.toMatch(/[.!?]\s/);
  }

  it('exits with code 2 and one sentence when it is missing', () => {
    const run = runPackage({}, ['--out', join(tmpdir(), 'kam-teams-never-written.zip')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain('not set');
  });

  it('exits with code 2 and one sentence when it is not a GUID', () => {
    const run = runPackage({ TEAMS_APP_ID: 'kam-bot' }, ['--out', join(tmpdir(), 'kam-teams-never-written.zip')]);
    expect(run.code).toBe(2);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain('not a GUID');
  });
});
