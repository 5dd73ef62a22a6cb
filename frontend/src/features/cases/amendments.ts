/** How an amendment of a submitted case is shown (GET /api/cases/{id}/amendments). */
import type { CaseAmendment } from '@/api/types'
import { fieldLabel } from '@/api/fieldLabels'

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** yyyy-MM-dd HH:mm of the amendment's instant. */
export function amendmentTime(a: CaseAmendment): string {
  const at = a.amendedAt
  if (!at) return '—'
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function amendmentUser(a: CaseAmendment): string {
  return text(a.amendedByName) || text(a.amendedBy) || '—'
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** The changed fields: the server sends `before` and `after` maps of the changed fields only. */
export function amendmentChanges(a: CaseAmendment, label: (field: string) => string = fieldLabel): string {
  const keys = [...new Set([...Object.keys(a.before ?? {}), ...Object.keys(a.after ?? {})])]
  return keys.map((k) => `${label(k)}：${show(a.before?.[k])} → ${show(a.after?.[k])}`).join('；') || '—'
}
