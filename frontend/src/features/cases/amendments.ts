/** How an amendment of a submitted case is shown (GET /api/cases/{id}/amendments). */
import type { CaseAmendment } from '@/api/types'
import { fieldLabel } from '@/api/fieldLabels'

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** yyyy-MM-dd HH:mm of the amendment's instant. */
export function amendmentTime(a: CaseAmendment): string {
  const at = text(a.at) || text(a.amendedAt) || text(a.createdAt)
  if (!at) return '—'
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function amendmentUser(a: CaseAmendment): string {
  return text(a.byName) || text(a.amendedByName) || text(a.by) || text(a.amendedBy) || '—'
}

/** The changed fields: a list of paths, of {field, from, to}, or a map field → [from, to]. */
export function amendmentChanges(a: CaseAmendment): string {
  const changes = a.changes ?? a.changedFields
  if (!changes) return '—'
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : String(v))
  if (Array.isArray(changes)) {
    return (
      changes
        .map((c) => {
          if (typeof c === 'string') return fieldLabel(c)
          if (c && typeof c === 'object') {
            const x = c as {
              field?: unknown
              from?: unknown
              to?: unknown
              before?: unknown
              after?: unknown
            }
            const field = fieldLabel(text(x.field))
            const from = x.from ?? x.before
            const to = x.to ?? x.after
            return from === undefined && to === undefined ? field : `${field}：${show(from)} → ${show(to)}`
          }
          return ''
        })
        .filter(Boolean)
        .join('；') || '—'
    )
  }
  if (typeof changes === 'object') {
    return Object.entries(changes as Record<string, unknown>)
      .map(([field, v]) =>
        Array.isArray(v) && v.length === 2
          ? `${fieldLabel(field)}：${show(v[0])} → ${show(v[1])}`
          : fieldLabel(field),
      )
      .join('；')
  }
  return String(changes)
}
