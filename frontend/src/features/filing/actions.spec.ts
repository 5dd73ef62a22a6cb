import { describe, expect, it } from 'vitest'
import { canUse, commandBody, filingButtons, missingInput, normaliseAction } from './actions'
import { uploadProblem } from './labels'

const keys = (allowedActions: string[]) => filingButtons({ allowedActions }).map((b) => b.key)

describe('filing action buttons', () => {
  it('shows exactly what allowedActions permits, per state and role', () => {
    // hospital clerk, DRAFT
    expect(keys(['self-assessment'])).toEqual(['self-assessment'])
    // hospital clerk, SELF_ASSESSED: panels are not buttons
    expect(keys(['self-assessment', 'attestations', 'committee-opinions', 'documents', 'submit'])).toEqual([
      'self-assessment',
      'submit',
    ])
    // receiving authority, SUBMITTED
    expect(keys(['receive'])).toEqual(['receive'])
    // county authority, RECEIVED, not the review level / review authority, RECEIVED
    expect(keys(['escalate'])).toEqual(['escalate'])
    expect(keys(['escalate', 'expert-review'])).toEqual(['escalate', 'expert-review'])
    // expert, UNDER_EXPERT_REVIEW
    expect(keys(['expert-opinions'])).toEqual(['expert-opinions'])
    // review authority while an opinion is missing: replace an expert, decide
    expect(keys(['expert-replacement', 'decision'])).toEqual([
      'expert-replacement',
      'approve',
      'return',
      'reject',
    ])
    // review authority after every opinion: one button per decision
    expect(keys(['decision'])).toEqual(['approve', 'return', 'reject'])
    // APPROVED at the receiving authority / one level down
    expect(keys(['activate'])).toEqual(['activate'])
    expect(keys(['notify-result'])).toEqual(['notify-result'])
    // ACTIVE: competent authority / hospital
    expect(keys(['suspend', 'revoke'])).toEqual(['suspend', 'revoke'])
    expect(keys(['cancellation-request'])).toEqual(['cancellation-request'])
    // SUSPENDED, with a revocation proposal
    expect(keys(['resume', 'revoke', 'revocation-proposal/dismiss'])).toEqual([
      'resume',
      'revoke',
      'dismiss-proposal',
    ])
    // final states, or a user who may only read
    expect(keys([])).toEqual([])
  })

  it('accepts the action names in any spelling', () => {
    expect(normaliseAction('EXPERT_REVIEW')).toBe('expert-review')
    expect(normaliseAction('notifyResult')).toBe('notify-result')
    expect(keys(['RECEIVE', 'NOTIFY_RESULT'])).toEqual(['receive', 'notify-result'])
    expect(canUse({ allowedActions: ['COMMITTEE_OPINIONS'] }, 'committee-opinions')).toBe(true)
    expect(canUse({ allowedActions: ['submit'] }, 'documents')).toBe(false)
  })

  it('builds the command bodies of docs/filing.md', () => {
    const [approve, ret] = filingButtons({ allowedActions: ['decision'] })
    expect(commandBody(approve, 7, { reasons: ' 材料齐全 ' })).toEqual({
      version: 7,
      decision: 'APPROVED',
      reasons: '材料齐全',
    })
    expect(commandBody(ret, 7, { reasons: '补充伦理意见' })).toMatchObject({
      decision: 'RETURNED_FOR_SUPPLEMENT',
    })
    const [submit] = filingButtons({ allowedActions: ['submit'] })
    expect(commandBody(submit, 3, { firstCaseDate: '2026-11-02' })).toEqual({
      version: 3,
      firstCaseDate: '2026-11-02',
    })
    const [review] = filingButtons({ allowedActions: ['expert-review'] })
    expect(commandBody(review, 4, { expertIds: ['e1', 'e2'], opinion: '' })).toEqual({
      version: 4,
      expertIds: ['e1', 'e2'],
    })
    const [receive] = filingButtons({ allowedActions: ['receive'] })
    expect(commandBody(receive, 1, { opinion: '材料齐全，予以受理' })).toEqual({
      version: 1,
      opinion: '材料齐全，予以受理',
    })
    const [activate] = filingButtons({ allowedActions: ['activate'] })
    expect(commandBody(activate, 9, { licenceNote: '已备案 S03' })).toEqual({
      version: 9,
      licenceNote: '已备案 S03',
    })
    const [, revoke] = filingButtons({ allowedActions: ['suspend', 'revoke'] })
    expect(commandBody(revoke, 2, { reason: 'SERIOUS_ADVERSE_EVENT', text: '发生严重并发症' })).toEqual({
      version: 2,
      reason: 'SERIOUS_ADVERSE_EVENT',
      text: '发生严重并发症',
    })
  })

  it('asks for the required inputs in Chinese', () => {
    const [approve] = filingButtons({ allowedActions: ['decision'] })
    expect(missingInput(approve, { reasons: '  ' })).toBe('请填写审查意见（理由）')
    expect(missingInput(approve, { reasons: '同意' })).toBeNull()
    const [review] = filingButtons({ allowedActions: ['expert-review'] })
    expect(missingInput(review, { expertIds: [] })).toBe('请至少选择一名评审专家')
    const [suspend] = filingButtons({ allowedActions: ['suspend'] })
    expect(missingInput(suspend, { text: 'x' })).toBe('请选择原因')
  })
})

describe('upload checks', () => {
  it('refuses other types and files over 20 MB before uploading', () => {
    expect(uploadProblem({ name: '纪要.pdf', size: 1000 })).toBeNull()
    expect(uploadProblem({ name: 'scan.JPG', size: 1000 })).toBeNull()
    expect(uploadProblem({ name: 'virus.exe', size: 1000 })).toContain('不支持的文件类型')
    expect(uploadProblem({ name: 'big.pdf', size: 21 * 1024 * 1024 })).toContain('过大')
  })
})

describe('replacing an expert', () => {
  const button = filingButtons({ allowedActions: ['expert-replacement'] })[0]!

  it('asks for the expert leaving, exactly one new expert and a reason', () => {
    expect(missingInput(button, {})).toBe('请选择被更换的专家')
    expect(missingInput(button, { replacedId: 'a', expertIds: [] })).toBe('请选择一名新的评审专家')
    expect(missingInput(button, { replacedId: 'a', expertIds: ['b', 'c'] })).toBe('请选择一名新的评审专家')
    expect(missingInput(button, { replacedId: 'a', expertIds: ['b'], reason: ' ' })).toBe('请填写更换原因')
    expect(missingInput(button, { replacedId: 'a', expertIds: ['b'], reason: '因病' })).toBeNull()
  })

  it('posts the expert leaving, the one coming and the reason', () => {
    expect(commandBody(button, 4, { replacedId: 'a', expertIds: ['b'], reason: ' 因病不能参加 ' })).toEqual({
      version: 4,
      replacedId: 'a',
      expertId: 'b',
      reason: '因病不能参加',
    })
  })
})
