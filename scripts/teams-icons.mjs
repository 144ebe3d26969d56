// Draws the two Teams app icons into appPackage/: color.png (192×192, a white "K" on the accent color) and
// outline.png (32×32, the same "K" in white on a transparent background, as Teams requires for the outline icon).
//
// Node built-ins only, so anyone can regenerate them: `node scripts/teams-icons.mjs`. The PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const APP_PACKAGE = join(import.meta.dirname, '..', 'appPackage');
const ACCENT = [0x1d, 0x4e, 0x89]; // keep in step with accentColor in manifest.json
const WHITE = [0xff, 0xff, 0xff];
// Each pixel is sampled SUPERSAMPLE × SUPERSAMPLE times, so the diagonals come out smooth instead of jagged.
const SUPERSAMPLE = 4;

/** The letter K in a unit square (0,0 top left): a stem and two arms, each a thick line segment. */
const STROKES = [
  { from: [0.34, 0.2], to: [0.34, 0.8], halfWidth: 0.075 },
  { from: [0.4, 0.55], to: [0.72, 0.2], halfWidth: 0.07 },
  { from: [0.5, 0.45], to: [0.74, 0.8], halfWidth: 0.07 },
];

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** How much of pixel (px, py) the K covers, 0..1. */
function coverage(px, py, size) {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (STROKES.some((s) => distanceToSegment(x, y, s.from, s.to) <= s.halfWidth)) inside++;
    }
  }
  return inside / (SUPERSAMPLE * SUPERSAMPLE);
}

/** RGBA pixels, row by row. `background` null means transparent. */
function drawK(size, background) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size);
      const offset = (y * size + x) * 4;
      if (background) {
        for (let i = 0; i < 3; i++) pixels[offset + i] = Math.round(background[i] * (1 - c) + WHITE[i] * c);
        pixels[offset + 3] = 0xff;
      } else {
        // Straight (not premultiplied) alpha: the colour stays white, only the alpha fades at the edges.
        pixels.set(WHITE, offset);
        pixels[offset + 3] = Math.round(c * 0xff);
      }
    }
  }
  return pixels;
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

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter method and interlace stay 0
  const rowLength = size * 4;
  const raw = Buffer.alloc(size * (rowLength + 1));
  for (let y = 0; y < size; y++) {
    // Each scanline starts with its filter type; 0 (none) is valid and keeps this simple.
    pixels.copy(raw, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(APP_PACKAGE, { recursive: true });
for (const [name, size, background] of [
  ['color.png', 192, ACCENT],
  ['outline.png', 32, null],
]) {
  const png = encodePng(size, drawK(size, background));
  writeFileSync(join(APP_PACKAGE, name), png);
  console.log(`Wrote appPackage/${name} (${size}×${size}, ${png.length} bytes)`);
}
