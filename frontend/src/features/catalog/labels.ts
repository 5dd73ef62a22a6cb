export const CATALOGUE_LEVEL_LABELS: Record<string, string> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
}

export const TECHNOLOGY_STATUS_LABELS: Record<string, string> = {
  IN_FORCE: '现行',
  WITHDRAWN: '已废止',
}

export function labelOf(map: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  return map[value] ?? value
}
