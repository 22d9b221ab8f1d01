#!/usr/bin/env node
/**
 * Draws the tab-bar icons (81×81 PNG, anti-aliased) into src/assets/tabbar/:
 * <name>.png (grey, unselected) and <name>-active.png (red with a gold accent).
 * Pure Node (zlib), no downloads; rerun after changing a shape: node scripts/gen-tabbar-icons.mjs
 */
import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const SS = 4 // supersamples per axis
const RED = [0xc8, 0x16, 0x1d]
const GOLD = [0xd4, 0xa0, 0x17]
const GREY = [0x8c, 0x8c, 0x8c]

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const ellipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
const triangle = ([ax, ay], [bx, by], [cx, cy]) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = s(ax, ay, bx, by), d2 = s(bx, by, cx, cy), d3 = s(cx, cy, ax, ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}
const and = (a, b) => (x, y) => a(x, y) && b(x, y)
const not = (a) => (x, y) => !a(x, y)

// Each icon: layers drawn in order; `accent: true` layers use gold when active. `cut` layers erase
// (`inactiveCut`: erase in the grey icon, gold in the active one).
const icons = {
  home: [
    { shape: triangle([40.5, 9], [7, 39], [74, 39]) },
    { shape: rect(17, 34, 64, 70) },
    { shape: roundRect(33, 47, 48, 70, 3), accent: true, inactiveCut: true },
  ],
  branch: [
    { shape: circle(19, 30, 8), accent: true },
    { shape: and(ellipse(19, 62, 15, 19), rect(0, 0, 81, 66)), accent: true },
    { shape: circle(62, 30, 8), accent: true },
    { shape: and(ellipse(62, 62, 15, 19), rect(0, 0, 81, 66)), accent: true },
    { shape: circle(40.5, 24, 13), cut: true },
    { shape: and(ellipse(40.5, 66, 22, 26), rect(0, 0, 81, 70)), cut: true },
    { shape: circle(40.5, 24, 11) },
    { shape: and(ellipse(40.5, 66, 20, 24), rect(0, 0, 81, 70)) },
  ],
  dues: [
    { shape: and(roundRect(8, 22, 73, 66, 8), not(rect(8, 30, 73, 32))) },
    { shape: roundRect(12, 12, 60, 24, 4) },
    { shape: roundRect(48, 37, 77, 53, 5), cut: true },
    { shape: roundRect(50, 39, 75, 51, 4), accent: true },
    { shape: circle(58, 45, 3), cut: true },
  ],
  me: [
    { shape: circle(40.5, 25, 14) },
    { shape: and(ellipse(40.5, 74, 29, 30), rect(0, 0, 81, 71)) },
  ],
}

function render(layers, active) {
  const px = new Uint8Array(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const fx = x + (sx + 0.5) / SS, fy = y + (sy + 0.5) / SS
          let color = null
          for (const l of layers) {
            if (l.cut || (l.inactiveCut && !active)) {
              // A cut erases what lies under it (draws a gap around a shape drawn later).
              if (l.shape(fx, fy)) color = null
              continue
            }
            if (l.shape(fx, fy)) color = active ? (l.accent ? GOLD : RED) : GREY
          }
          if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1 }
        }
      }
      const i = (y * SIZE + x) * 4
      const n = SS * SS
      if (a) { px[i] = r / a; px[i + 1] = g / a; px[i + 2] = b / a }
      px[i + 3] = Math.round((a / n) * 255)
    }
  }
  return px
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(pixels) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8; ihdr[9] = 6 // 8-bit RGBA
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    Buffer.from(pixels.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar')
mkdirSync(out, { recursive: true })
for (const [name, layers] of Object.entries(icons)) {
  writeFileSync(join(out, `${name}.png`), png(render(layers, false)))
  writeFileSync(join(out, `${name}-active.png`), png(render(layers, true)))
}
console.log(`tab-bar icons written to ${out}`)
