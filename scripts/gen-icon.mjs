#!/usr/bin/env node
// Draws the extension icon (a lens with a check mark on a rust-orange tile) and writes it as a
// 128x128 RGBA PNG: `node scripts/gen-icon.mjs [OUT=media/icon.png]`. Shapes are signed-distance
// functions sampled 4x4 per pixel for anti-aliasing; the PNG is encoded by hand with node:zlib, so
// no image tool is needed and the output is byte-identical on every machine.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZE = 128;
const SAMPLES = 4;

// Distance functions: negative inside the shape.
const roundedSquare = (x, y, half, radius) => {
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const ring = (x, y, cx, cy, r, width) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
const segment = (x, y, ax, ay, bx, by, width) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - width / 2;
};

const TOP = [0xe8, 0x5d, 0x2c];
const BOTTOM = [0xa3, 0x2f, 0x17];
const WHITE = [0xff, 0xff, 0xff];

function sample(x, y) {
  if (roundedSquare(x, y, 62, 22) > 0) return null;
  const lens = ring(x, y, 54, 54, 31, 10);
  const handle = segment(x, y, 77, 77, 104, 104, 14);
  const check = Math.min(segment(x, y, 39, 55, 50, 66, 8), segment(x, y, 50, 66, 69, 43, 8));
  if (Math.min(lens, handle, check) <= 0) return WHITE;
  const t = y / SIZE;
  return TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
}

/** The icon as raw RGBA rows. */
export function drawIcon() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 1;
        }
      }
      const o = (py * SIZE + px) * 4;
      if (acc[3]) for (let i = 0; i < 3; i++) rgba[o + i] = Math.round(acc[i] / acc[3]);
      rgba[o + 3] = Math.round((acc[3] / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes square RGBA pixels as a PNG (8-bit, colour type 6, no row filters). */
export function encodePng(rgba, size = SIZE) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? 'media/icon.png';
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, encodePng(drawIcon()));
  console.log(`wrote ${out}`);
}
