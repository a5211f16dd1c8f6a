// Draws images/icon.png (128×128): a patch (a square with a folded corner) over a dark tile,
// with a check mark. Pixel by pixel with 4× supersampling, written as a PNG with node:zlib, so
// the icon is reproducible without an image tool. Run: node scripts/icon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128, SS = 4;
const tile = [26, 31, 54], paper = [240, 236, 226], fold = [196, 190, 176], check = [46, 204, 113];

function colourAt(x, y) {
  // Rounded tile.
  const r = 22, cx = Math.min(Math.max(x, r), SIZE - r), cy = Math.min(Math.max(y, r), SIZE - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // The patch: 28..100 square, top-right corner folded along x - y = 72 - 28.
  if (x >= 28 && x <= 100 && y >= 28 && y <= 100) {
    const d = (x - 28) - (y - 28); // distance past the fold line
    if (d > 50) return tile;
    if (d > 36 && x > 64 && y < 64) return fold;
    // Check mark: two thick strokes.
    const stroke = (ax, ay, bx, by) => {
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < 6.5;
    };
    if (stroke(42, 66, 58, 82) || stroke(58, 82, 86, 50)) return check;
    return paper;
  }
  return tile;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    let rr = 0, gg = 0, bb = 0, aa = 0;
    for (let i = 0; i < SS; i++) for (let j = 0; j < SS; j++) {
      const c = colourAt(x + (i + 0.5) / SS, y + (j + 0.5) / SS);
      if (c) { rr += c[0]; gg += c[1]; bb += c[2]; aa++; }
    }
    const n = SS * SS;
    row.set(aa ? [Math.round(rr / aa), Math.round(gg / aa), Math.round(bb / aa), Math.round((255 * aa) / n)] : [0, 0, 0, 0], 1 + x * 4);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc(body), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4); header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const file = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'images/icon.png');
writeFileSync(file, png);
console.log(`${file}: ${png.length} bytes`);
