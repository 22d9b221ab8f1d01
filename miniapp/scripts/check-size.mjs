#!/usr/bin/env node
/**
 * Package size check for the built mini-programs (CI runs it after the four builds).
 *
 *   node scripts/check-size.mjs [--dist DIR] [platform…]   (default: every platform built in dist/)
 *
 * For each dist/<platform>/ with an app.json, the subpackage roots declared there (subPackages /
 * subpackages) split the files: a file under a root belongs to that subpackage, every other file
 * to the main package. IDE project files (project.config.json, mini.project.json, …) are not
 * uploaded and not counted. Prints a table; exits 1 when a main package is over 1 MB or a
 * subpackage over 2 MB (1 MB = 1024 × 1024 bytes), or when nothing has been built.
 * dist/h5 has no packages: its total is printed for information only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const MB = 1024 * 1024
export const LIMITS = { main: 1 * MB, sub: 2 * MB }
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json', 'mini.project.json', 'project.swan.json', 'project.tt.json'])

function walk(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const st = statSync(p)
    if (st.isDirectory()) out.push(...walk(p))
    else out.push({ path: p, size: st.size })
  }
  return out
}

/** Sizes of one built mini-program: [{name, root, files, bytes, limit}] with the main package first. */
export function measure(platformDir) {
  const appJson = JSON.parse(readFileSync(join(platformDir, 'app.json'), 'utf8'))
  const subs = appJson.subPackages ?? appJson.subpackages ?? []
  const roots = subs.map((s) => String(s.root).replace(/^\/+|\/+$/g, ''))
  const packages = new Map([['(main)', { name: '(main)', root: '', files: 0, bytes: 0, limit: LIMITS.main }]])
  for (const root of roots) packages.set(root, { name: root, root, files: 0, bytes: 0, limit: LIMITS.sub })
  for (const file of walk(platformDir)) {
    const rel = relative(platformDir, file.path).split(sep).join('/')
    if (NOT_UPLOADED.has(rel)) continue
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    const pkg = packages.get(root ?? '(main)')
    pkg.files += 1
    pkg.bytes += file.size
  }
  return [...packages.values()]
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const pct = (n, limit) => `${Math.round((n / limit) * 100)}%`

function pad(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows.map((r) => r.map((c, i) => (i >= 2 && i <= 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ')).join('\n')
}

function main() {
  const args = process.argv.slice(2)
  const distAt = args.indexOf('--dist')
  const dist = distAt >= 0 ? args.splice(distAt, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  const wanted = args
  const platforms = existsSync(dist) ? readdirSync(dist).filter((p) => statSync(join(dist, p)).isDirectory()) : []
  const selected = wanted.length ? wanted : platforms
  const rows = [['platform', 'package', 'files', 'size', 'of limit', 'status']]
  const failures = []
  let checked = 0
  for (const platform of selected) {
    const dir = join(dist, platform)
    if (!existsSync(dir)) {
      failures.push(`${platform}: not built (dist/${platform} is missing)`)
      continue
    }
    if (!existsSync(join(dir, 'app.json'))) {
      const total = walk(dir).reduce((s, f) => s + f.size, 0)
      rows.push([platform, '(no packages)', walk(dir).length, kb(total), '-', 'info'])
      continue
    }
    checked += 1
    for (const pkg of measure(dir)) {
      const over = pkg.bytes > pkg.limit
      if (over) failures.push(`${platform} ${pkg.name}: ${kb(pkg.bytes)} > ${kb(pkg.limit)}`)
      rows.push([platform, pkg.name, pkg.files, kb(pkg.bytes), `${pct(pkg.bytes, pkg.limit)} of ${pkg.limit / MB} MB`, over ? 'TOO BIG' : 'ok'])
    }
  }
  console.log(pad(rows))
  if (!checked && !failures.length) failures.push('no mini-program build found in dist/ (run `npm run build -w miniapp` first)')
  if (failures.length) {
    console.error(`\nsize check FAILED:\n  ${failures.join('\n  ')}`)
    process.exit(1)
  }
  console.log(`\nsize check passed: ${checked} mini-program build(s), main ≤ 1 MB, subpackages ≤ 2 MB`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
