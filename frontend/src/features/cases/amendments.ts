/** How an amendment of a submitted case is shown (GET /api/cases/{id}/amendments). */
import type { CaseAmendment } from '@/api/types'
import { fieldLabel } from '@/api/fieldLabels'

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** yyyy-MM-dd HH:mm of the amendment's instant. */
export function amendmentTime(a: CaseAmendment): string {
  const at = text(a.amendedAt) || text(a.at) || text(a.createdAt)
  if (!at) return '—'
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function amendmentUser(a: CaseAmendment): string {
  return text(a.amendedByName) || text(a.byName) || text(a.amendedBy) || text(a.by) || '—'
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/**
 * The changed fields. The server sends `before` and `after` maps of the changed fields; a list of paths, of
 * {field, from, to} or a map field → [from, to] are read too.
 */
export function amendmentChanges(a: CaseAmendment, label: (field: string) => string = fieldLabel): string {
  const before = a.before && typeof a.before === 'object' ? (a.before as Record<string, unknown>) : null
  const after = a.after && typeof a.after === 'object' ? (a.after as Record<string, unknown>) : null
  if (before || after) {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    return keys.map((k) => `${label(k)}：${show(before?.[k])} → ${show(after?.[k])}`).join('；') || '—'
  }
  const changes = a.changes ?? a.changedFields
  if (!changes) return '—'
  if (Array.isArray(changes)) {
    return (
      changes
        .map((c) => {
          if (typeof c === 'string') return label(c)
          if (c && typeof c === 'object') {
            const x = c as {
              field?: unknown
              from?: unknown
              to?: unknown
              before?: unknown
              after?: unknown
            }
            const field = label(text(x.field))
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
        Array.isArray(v) && v.length === 2 ? `${label(field)}：${show(v[0])} → ${show(v[1])}` : label(field),
      )
      .join('；')
  }
  return String(changes)
}
