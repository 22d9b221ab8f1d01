import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes an 8-bit greyscale image (`pixels[y][x]`, 0 = black, 255 = white) as PNG bytes. */
export function encodeGreyscalePng(pixels: number[][]): Buffer {
  const height = pixels.length;
  const width = pixels[0]?.length ?? 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: greyscale
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(height * (width + 1));
  pixels.forEach((row, y) => {
    raw[y * (width + 1)] = 0; // filter type None
    row.forEach((v, x) => (raw[y * (width + 1) + 1 + x] = v));
  });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A valid PNG that looks like a mini-program code and differs per `text` (it is NOT scannable:
 * no QR encoder is installed; tests only need real image bytes that depend on the scene).
 */
export function fakeCodePng(text: string, modules = 21, scale = 4): Buffer {
  const bits = createHash('sha256').update(text).digest();
  const finder = (x: number, y: number) => {
    for (const [ox, oy] of [[0, 0], [modules - 7, 0], [0, modules - 7]]) {
      const dx = x - ox;
      const dy = y - oy;
      if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7) {
        return dx === 0 || dx === 6 || dy === 0 || dy === 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4);
      }
    }
    return null;
  };
  const size = (modules + 2) * scale; // one module of quiet zone around
  const pixels: number[][] = [];
  for (let py = 0; py < size; py++) {
    const row: number[] = [];
    for (let px = 0; px < size; px++) {
      const x = Math.floor(px / scale) - 1;
      const y = Math.floor(py / scale) - 1;
      let dark = false;
      if (x >= 0 && y >= 0 && x < modules && y < modules) {
        const f = finder(x, y);
        if (f !== null) dark = f;
        else {
          const i = y * modules + x;
          dark = ((bits[i % bits.length] >> (i % 8)) & 1) === 1;
        }
      }
      row.push(dark ? 0 : 255);
    }
    pixels.push(row);
  }
  return encodeGreyscalePng(pixels);
}
