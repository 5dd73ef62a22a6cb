import type { ClauseResult, Evidence } from '@/api/types'

/** Renders an `actual` / `required` value of a clause result for display. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join('、') : '无'
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join('；')
  }
  return String(value)
}

const EVIDENCE_KEYS: Record<string, string> = {
  clause: '条款',
  confirmedBy: '确认人',
  confirmedOn: '确认日期',
  evidence: '依据',
  source: '来源',
  description: '说明',
}

/** One line per evidence item; attestation-like objects get Chinese field names. */
export function formatEvidence(item: Evidence): string {
  if (typeof item === 'string') return item
  if (item && typeof item === 'object') {
    return Object.entries(item)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${EVIDENCE_KEYS[k] ?? k}：${formatValue(v)}`)
      .join('；')
  }
  return formatValue(item)
}

export interface ClauseSection {
  section: string
  label: string
  clauses: ClauseResult[]
}

/** Groups clauses by section, keeping the order in which sections first appear. */
export function groupBySection<T extends { section: string; sectionLabel: string }>(
  clauses: T[],
): { section: string; label: string; clauses: T[] }[] {
  const groups: { section: string; label: string; clauses: T[] }[] = []
  for (const clause of clauses) {
    let group = groups.find((g) => g.section === clause.section)
    if (!group) {
      group = { section: clause.section, label: clause.sectionLabel || clause.section, clauses: [] }
      groups.push(group)
    }
    group.clauses.push(clause)
  }
  return groups
}
