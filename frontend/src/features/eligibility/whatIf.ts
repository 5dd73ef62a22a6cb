import type { ClauseEvaluation, ClauseResult } from '@/api/types'

/*
 * The what-if form (WhatIfForm.vue): the facts of a saved institution or person, a few of them changed in a
 * form, and the verdicts before and after side by side. Pure functions, tested in whatIf.spec.ts.
 */

type Json = Record<string, unknown>

/** Professional titles, lowest first (the engine's order). */
export const TITLE_ORDER = ['RESIDENT', 'ATTENDING', 'ASSOCIATE_CHIEF', 'CHIEF']

/** What the form lets the user change of an institution. */
export interface InstitutionDraft {
  level: string | null
  /** Beds per department, in the order of `departments`. */
  beds: { name: string; beds: number | null }[]
  /** Facility kinds present. */
  facilities: string[]
  /** Equipment kinds present. */
  equipment: string[]
}

/** What the form lets the user change of a person. */
export interface PersonDraft {
  /** The highest title held. */
  title: string | null
  titleSince: string | null
  clinicalStart: string | null
}

/** A deep copy of plain JSON data; unlike structuredClone it accepts Vue's reactive proxies. */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Json[]) : []
}

function kinds(value: unknown): string[] {
  return [...new Set(list(value).map((v) => String(v.kind ?? '')))].filter(Boolean)
}

/** The form's starting point: the institution's facts as they are. */
export function institutionDraft(institution: Json | null | undefined): InstitutionDraft {
  return {
    level: typeof institution?.level === 'string' ? institution.level : null,
    beds: list(institution?.departments).map((d, i) => ({
      name: String(d.name ?? (Array.isArray(d.subjects) ? d.subjects.join('、') : `科室 ${i + 1}`)),
      beds: typeof d.beds === 'number' ? d.beds : null,
    })),
    facilities: kinds(institution?.facilities),
    equipment: kinds(institution?.equipment),
  }
}

/** Keeps the recorded items of the kinds still present, adds one unit of each newly present kind. */
function presentKinds(recorded: unknown, present: string[]): Json[] {
  const kept = list(recorded).filter((item) => present.includes(String(item.kind)))
  const have = new Set(kept.map((item) => String(item.kind)))
  return [...kept, ...present.filter((k) => !have.has(k)).map((kind) => ({ kind, count: 1 }))]
}

/** The institution's facts with the draft's changes; the original is not modified. */
export function applyInstitutionDraft(institution: Json, draft: InstitutionDraft): Json {
  const next: Json = copyJson(institution)
  next.level = draft.level
  const departments = list(institution.departments)
  if (departments.length)
    next.departments = departments.map((d, i) => ({ ...d, beds: draft.beds[i]?.beds ?? d.beds ?? null }))
  next.facilities = presentKinds(institution.facilities, draft.facilities)
  next.equipment = presentKinds(institution.equipment, draft.equipment)
  return next
}

/** The form's starting point: the person's highest title and clinical start as recorded. */
export function personDraft(person: Json | null | undefined): PersonDraft {
  const titles = list(person?.titles)
  const highest = [...titles].sort(
    (a, b) => TITLE_ORDER.indexOf(String(a.title)) - TITLE_ORDER.indexOf(String(b.title)),
  )[titles.length - 1]
  return {
    title: highest ? String(highest.title) : null,
    titleSince: highest && typeof highest.since === 'string' ? highest.since : null,
    clinicalStart: typeof person?.clinicalStart === 'string' ? person.clinicalStart : null,
  }
}

/**
 * The person's facts with the draft's changes: the titles below the chosen one are kept, the chosen one
 * is held since the chosen date, higher ones are dropped. The original is not modified.
 */
export function applyPersonDraft(person: Json, draft: PersonDraft): Json {
  const next: Json = copyJson(person)
  if (draft.title) {
    const rank = TITLE_ORDER.indexOf(draft.title)
    const lower = list(person.titles).filter((t) => TITLE_ORDER.indexOf(String(t.title)) < rank)
    next.titles = [...lower, { title: draft.title, since: draft.titleSince }]
  } else {
    next.titles = []
  }
  next.clinicalStart = draft.clinicalStart
  return next
}

/** One clause before and after the change. */
export interface ClauseChange {
  ref: string
  citation: string
  section: string
  sectionLabel: string
  text: string
  before: ClauseResult | null
  after: ClauseResult | null
  changed: boolean
}

/** The clauses of both evaluations side by side, in the order of the later one (then clauses only before). */
export function clauseDiff(before: ClauseEvaluation, after: ClauseEvaluation): ClauseChange[] {
  const earlier = new Map(before.clauses.map((c) => [c.ref, c]))
  const rows: ClauseChange[] = after.clauses.map((c) => {
    const b = earlier.get(c.ref) ?? null
    return {
      ref: c.ref,
      citation: c.citation,
      section: c.section,
      sectionLabel: c.sectionLabel,
      text: c.text,
      before: b,
      after: c,
      changed: !b || b.status !== c.status || (b.explanation ?? '') !== (c.explanation ?? ''),
    }
  })
  const later = new Set(after.clauses.map((c) => c.ref))
  for (const c of before.clauses) {
    if (!later.has(c.ref))
      rows.push({
        ...c,
        before: c,
        after: null,
        changed: true,
        sectionLabel: c.sectionLabel,
        section: c.section,
      })
  }
  return rows
}

/**
 * A JSON syntax error in Chinese with its line and column (browsers word `JSON.parse` errors in English,
 * each differently: "at position 12", "(line 2 column 5)", "line 2 column 5 of the JSON data").
 */
export function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  let line: number | null = null
  let column: number | null = null
  const lineColumn = /line (\d+) column (\d+)/i.exec(message)
  const position = /position (\d+)/i.exec(message)
  if (lineColumn) {
    line = Number(lineColumn[1])
    column = Number(lineColumn[2])
  } else if (position) {
    const before = text.slice(0, Number(position[1]))
    line = before.split('\n').length
    column = before.length - before.lastIndexOf('\n')
  }
  const where = line !== null ? `第 ${line} 行第 ${column} 列附近` : ''
  const why = /end of (json )?(input|data)|unterminated|unexpected end/i.test(message)
    ? '内容不完整（缺少右括号、右引号或后续内容）'
    : '有多余或缺少的逗号、引号、括号，或使用了 JSON 不允许的写法（如单引号、注释、末尾逗号）'
  return `JSON 格式错误${where ? `：${where}` : ''}，${why}`
}
