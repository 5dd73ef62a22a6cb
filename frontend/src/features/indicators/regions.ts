/** A region the hospital's indicators can be compared with: its county, its city, its province. */
export interface ComparisonRegion {
  code: string
  level: 'COUNTY' | 'CITY' | 'PROVINCE'
  label: string
}

const FALLBACK: Record<ComparisonRegion['level'], string> = {
  COUNTY: '本县（区）',
  CITY: '本市（州）',
  PROVINCE: '全省',
}

/**
 * The regions above an institution's region code (6 digits, county level): county, city (first 4 digits + 00) and
 * province (first 2 + 0000), without repeats (an institution registered at city level has no county). Names come
 * from `nameOf`; a code it does not know is named by its level, never shown raw.
 */
export function comparisonRegions(
  regionCode: string | null | undefined,
  nameOf: (code: string) => string | null | undefined,
): ComparisonRegion[] {
  if (!regionCode || !/^\d{6}$/.test(regionCode)) return []
  const candidates: [ComparisonRegion['level'], string][] = [
    ['COUNTY', regionCode],
    ['CITY', `${regionCode.slice(0, 4)}00`],
    ['PROVINCE', `${regionCode.slice(0, 2)}0000`],
  ]
  const seen = new Set<string>()
  const list: ComparisonRegion[] = []
  for (const [level, code] of candidates) {
    if (seen.has(code)) continue
    if (level === 'COUNTY' && code.endsWith('00')) continue
    if (level === 'CITY' && code.endsWith('0000')) continue
    seen.add(code)
    const name = nameOf(code)
    list.push({ code, level, label: name && name !== code ? name : FALLBACK[level] })
  }
  return list
}

/** A region's name in the region tree, or null. */
export function regionNameIn(
  tree: { code: string; name: string; children?: unknown[] | null }[],
  code: string,
): string | null {
  for (const node of tree) {
    if (node.code === code) return node.name
    const found = node.children
      ? regionNameIn(node.children as { code: string; name: string; children?: unknown[] | null }[], code)
      : null
    if (found) return found
  }
  return null
}
