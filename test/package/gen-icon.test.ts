import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';

const repo = path.resolve(__dirname, '..', '..');

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  chunks: string[];
  pixel(x: number, y: number): [number, number, number, number];
}

/** Reads an 8-bit RGBA PNG written without row filters, checking every chunk's CRC. */
function readPng(data: Buffer): Png {
  assert.deepEqual([...data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  for (let o = 8; o < data.length; ) {
    const len = data.readUInt32BE(o);
    const type = data.toString('ascii', o + 4, o + 8);
    const body = data.subarray(o + 8, o + 8 + len);
    assert.equal(data.readUInt32BE(o + 8 + len), crc32(data.subarray(o + 4, o + 8 + len)), `CRC of ${type}`);
    chunks.push(type);
    if (type === 'IHDR') ihdr = body;
    if (type === 'IDAT') idat.push(body);
    o += 12 + len;
  }
  assert.ok(ihdr);
  const width = ihdr.readUInt32BE(0);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  return {
    width,
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8]!,
    colourType: ihdr[9]!,
    chunks,
    pixel: (x, y) => {
      assert.equal(raw[y * stride], 0, 'row filter none');
      const p = y * stride + 1 + x * 4;
      return [raw[p]!, raw[p + 1]!, raw[p + 2]!, raw[p + 3]!];
    },
  };
}

describe('scripts/gen-icon.mjs', () => {
  let tmp: string;
  let generated: Buffer;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'rfl-icon-test-'));
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'gen-icon.mjs'), path.join(tmp, 'icon.png')], { stdio: 'ignore' });
    generated = readFileSync(path.join(tmp, 'icon.png'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('regenerates media/icon.png byte for byte', () => {
    assert.ok(generated.equals(readFileSync(path.join(repo, 'media', 'icon.png'))), 'media/icon.png is out of date: run node scripts/gen-icon.mjs');
  });

  it('writes a valid 128x128 8-bit RGBA PNG', () => {
    const png = readPng(generated);
    assert.deepEqual([png.width, png.height, png.bitDepth, png.colourType], [128, 128, 8, 6]);
    assert.deepEqual(png.chunks, ['IHDR', 'IDAT', 'IEND']);
  });

  it('draws a white lens and handle on an opaque orange tile with transparent corners', () => {
    const png = readPng(generated);
    assert.deepEqual(png.pixel(0, 0), [0, 0, 0, 0]);
    assert.deepEqual(png.pixel(127, 127), [0, 0, 0, 0]);
    // Tile background near the top (the gradient starts at #e85d2c).
    const [r, g, b, a] = png.pixel(64, 6);
    assert.equal(a, 255);
    assert.ok(r > 200 && g > 70 && g < 100 && b < 60, `orange, got ${[r, g, b]}`);
    assert.deepEqual(png.pixel(54, 23), [255, 255, 255, 255], 'top of the lens ring');
    assert.deepEqual(png.pixel(90, 90), [255, 255, 255, 255], 'handle');
    assert.deepEqual(png.pixel(50, 65), [255, 255, 255, 255], 'check mark');
    assert.notDeepEqual(png.pixel(54, 40), [255, 255, 255, 255], 'inside the lens is not white');
  });
});
