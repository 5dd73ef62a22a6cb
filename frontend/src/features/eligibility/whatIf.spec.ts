import { describe, expect, it } from 'vitest'
import type { ClauseEvaluation, ClauseResult } from '@/api/types'
import {
  applyInstitutionDraft,
  applyPersonDraft,
  clauseDiff,
  institutionDraft,
  jsonSyntaxMessage,
  personDraft,
} from './whatIf'
import { checkFacts } from './facts'

const institution = {
  name: '示例医院',
  level: 'SECONDARY_A',
  departments: [
    { name: '肿瘤科', subjects: ['肿瘤科'], beds: 40 },
    { name: '介入科', subjects: ['医学影像科'], beds: 24 },
  ],
  facilities: [{ kind: 'ICU', count: 1, beds: 12 }],
  equipment: [
    { kind: 'CT', count: 2 },
    { kind: 'SKIN_MESHER', count: 1 },
  ],
}

function clause(ref: string, status: ClauseResult['status'], explanation: string): ClauseResult {
  return {
    ref,
    citation: `G08/2022 ${ref}`,
    section: 'INSTITUTION',
    sectionLabel: '医疗机构基本要求',
    text: `条款 ${ref}`,
    status,
    statusLabel: status,
    explanation,
    actual: null,
    required: null,
    evidence: [],
    failedRuleKinds: [],
  }
}

function evaluation(clauses: ClauseResult[]): ClauseEvaluation {
  return {
    subject: 'INSTITUTION',
    subjectLabel: '医疗机构',
    specKey: 'G08-2022',
    specTitle: 'G08',
    technology: 'G08',
    edition: '2022',
    asOf: '2026-11-22',
    status: 'MET',
    statusLabel: '符合',
    clauses,
    pathways: [],
    qualifiedPhysicians: [],
    notices: [],
  }
}

describe('what-if form', () => {
  it('changes level, beds, facilities and equipment and leaves the rest', () => {
    const draft = institutionDraft(institution)
    expect(draft).toEqual({
      level: 'SECONDARY_A',
      beds: [
        { name: '肿瘤科', beds: 40 },
        { name: '介入科', beds: 24 },
      ],
      facilities: ['ICU'],
      equipment: ['CT', 'SKIN_MESHER'],
    })
    draft.level = 'TERTIARY_A'
    draft.beds[1].beds = 10
    draft.facilities = ['ICU', 'PACU']
    draft.equipment = ['CT', 'ELECTRIC_DERMATOME']
    const next = applyInstitutionDraft(institution, draft)
    expect(next.level).toBe('TERTIARY_A')
    expect(next.departments).toEqual([
      { name: '肿瘤科', subjects: ['肿瘤科'], beds: 40 },
      { name: '介入科', subjects: ['医学影像科'], beds: 10 },
    ])
    expect(next.facilities).toEqual([
      { kind: 'ICU', count: 1, beds: 12 },
      { kind: 'PACU', count: 1 },
    ])
    expect(next.equipment).toEqual([
      { kind: 'CT', count: 2 },
      { kind: 'ELECTRIC_DERMATOME', count: 1 },
    ])
    expect(next.name).toBe('示例医院')
    expect(institution.level).toBe('SECONDARY_A')
    expect(institution.equipment).toHaveLength(2)
  })

  it('raises or lowers the highest title and keeps the lower ones', () => {
    const person = {
      name: '王强',
      titles: [
        { title: 'RESIDENT', since: '2008-08-01' },
        { title: 'ATTENDING', since: '2013-12-01' },
      ],
      clinicalStart: '2008-07-01',
    }
    const draft = personDraft(person)
    expect(draft).toEqual({ title: 'ATTENDING', titleSince: '2013-12-01', clinicalStart: '2008-07-01' })
    const raised = applyPersonDraft(person, { ...draft, title: 'ASSOCIATE_CHIEF', titleSince: '2020-12-01' })
    expect(raised.titles).toEqual([
      { title: 'RESIDENT', since: '2008-08-01' },
      { title: 'ATTENDING', since: '2013-12-01' },
      { title: 'ASSOCIATE_CHIEF', since: '2020-12-01' },
    ])
    const lowered = applyPersonDraft(person, { ...draft, title: 'RESIDENT', titleSince: '2008-08-01' })
    expect(lowered.titles).toEqual([{ title: 'RESIDENT', since: '2008-08-01' }])
    expect(person.titles).toHaveLength(2)
  })

  it('lines up the clauses before and after and marks what changed', () => {
    const before = evaluation([clause('一(一)', 'MET', '有 CT'), clause('一(二)', 'NOT_MET', '床位 24 张')])
    const after = evaluation([clause('一(一)', 'MET', '有 CT'), clause('一(二)', 'MET', '床位 40 张')])
    const rows = clauseDiff(before, after)
    expect(rows.map((r) => [r.ref, r.before?.status, r.after?.status, r.changed])).toEqual([
      ['一(一)', 'MET', 'MET', false],
      ['一(二)', 'NOT_MET', 'MET', true],
    ])
  })

  it('explains a JSON syntax error in Chinese with its line, whatever the browser says', () => {
    const text = '{\n  "institution": {\n    "level": \'TERTIARY_A\'\n  }\n}'
    let error: unknown
    try {
      JSON.parse(text)
    } catch (e) {
      error = e
    }
    const message = jsonSyntaxMessage(text, error)
    expect(message).toMatch(/^JSON 格式错误/)
    expect(message.replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{4,}/)
    expect(jsonSyntaxMessage(text, new SyntaxError("Unexpected token ' in JSON at position 36"))).toContain(
      '第 3 行',
    )
    expect(
      jsonSyntaxMessage(
        text,
        new SyntaxError('JSON.parse: unexpected character at line 3 column 14 of the JSON data'),
      ),
    ).toContain('第 3 行第 14 列')
    expect(jsonSyntaxMessage('{', new SyntaxError('Unexpected end of JSON input'))).toContain('内容不完整')
    const check = checkFacts('{"institution": ', 'INSTITUTION')
    expect(check.errors[0].replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{4,}/)
  })
})
