// Builds the Teams app package: appPackage/build/kam-bot.zip with manifest.json, color.png and outline.png at the
// root, which is what Teams (Developer Portal, "Upload a custom app", Teams admin center) accepts.
//
//   TEAMS_APP_ID=<the bot's Microsoft App ID> npm run teams:package [-- --out <file>]
//
// Node built-ins only: the ZIP format needs no more than deflate (zlib) and a CRC32, written below.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const APP_PACKAGE = join(import.meta.dirname, '..', 'appPackage');
const DEFAULT_OUT = join(APP_PACKAGE, 'build', 'kam-bot.zip');
// biome-ignore lint/suspicious/noTemplateCurlyInString: the Teams Toolkit placeholder syntax, meant literally.
const PLACEHOLDER = '${{TEAMS_APP_ID}}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ICON_SIZES = { color: 192, outline: 32 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Exit 2 for anything the person running the script has to fix (environment, arguments, package contents).
const USAGE_ERROR = 2;

function fail(message) {
  console.error(message);
  process.exit(USAGE_ERROR);
}

function parseArgs(argv) {
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--out') fail(`Unknown argument "${argv[i]}": the only option is --out <file>.`);
    const file = argv[++i];
    if (!file) fail('--out needs a file name, e.g. --out /tmp/kam-bot.zip.');
    out = resolve(file);
  }
  return { out };
}

function appId() {
  const id = process.env.TEAMS_APP_ID?.trim();
  if (!id) fail("TEAMS_APP_ID is not set: set it to the bot's Microsoft App ID, a GUID from the Azure Bot resource.");
  if (!GUID.test(id)) fail(`TEAMS_APP_ID "${id}" is not a GUID such as 00000000-0000-0000-0000-000000000000.`);
  return id;
}

/** Width and height from the IHDR chunk, which the PNG format requires to come right after the signature. */
function pngSize(name, png) {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('ascii', 12, 16) !== 'IHDR') {
    fail(`appPackage/${name} is not a PNG file.`);
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function readIcon(manifest, kind) {
  const name = manifest.icons?.[kind];
  if (typeof name !== 'string') fail(`manifest.json has no icons.${kind} file name.`);
  const png = readFileSync(join(APP_PACKAGE, name));
  const { width, height } = pngSize(name, png);
  const size = ICON_SIZES[kind];
  if (width !== size || height !== size) {
    fail(`appPackage/${name} is ${width}×${height} but the ${kind} icon must be ${size}×${size} pixels.`);
  }
  return { name, data: png };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// Every entry gets the same timestamp (1980-01-01 00:00, the earliest a ZIP can hold), so the same inputs always
// give a byte-identical package and a rebuild shows no spurious change.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const STORED = 0;
const DEFLATED = 8;
const VERSION_NEEDED = 20; // 2.0: deflate

/** A ZIP archive of flat (root-level) files: local headers and data, then the central directory, then the end record. */
function zip(files) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const { name, data } of files) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const deflated = deflateRawSync(data, { level: 9 });
    // PNGs are already compressed; store a file when deflate would not make it smaller.
    const method = deflated.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : data;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    parts.push(local, fileName, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_NEEDED, 4); // version made by (MS-DOS, 2.0)
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(0, 8); // flags
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    // extra length, comment length, disk number, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    directory.push(central, fileName);

    offset += local.length + fileName.length + body.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // this disk and the directory's disk stay 0
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  // comment length stays 0
  return Buffer.concat([...parts, directoryBytes, end]);
}

const { out } = parseArgs(process.argv.slice(2));
const id = appId();
const manifestText = readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8').replaceAll(PLACEHOLDER, id);
const leftover = /\$\{\{[^}]*\}\}/.exec(manifestText);
if (leftover) fail(`manifest.json still holds the placeholder ${leftover[0]}, which this script does not fill.`);
const manifest = JSON.parse(manifestText);
const files = [
  { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
  readIcon(manifest, 'color'),
  readIcon(manifest, 'outline'),
];
const archive = zip(files);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, archive);
const shown = relative(process.cwd(), out);
console.log(`Wrote ${shown.startsWith('..') ? out : shown} (${archive.length} bytes) for Teams app ${id}.`);
