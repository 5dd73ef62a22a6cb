import { describe, expect, it } from 'vitest'
import type { Filing } from '@/api/types'
import { monthDay, routeSteps, submitWarning, toastFor } from './guidance'

type Route = Parameters<typeof routeSteps>[0]

const provincial: Route = {
  state: 'SUBMITTED',
  stateLabel: '已提交',
  path: ['220100'],
  pathAuthorities: ['长春市卫生健康委员会'],
  holderRegionCode: '220100',
  receivingRegionName: '长春市',
  reviewRegionName: '长春市',
}

const national: Route = {
  ...provincial,
  path: ['220102', '220100', '220000'],
  pathAuthorities: ['南关区卫生健康局', '长春市卫生健康委员会', '吉林省卫生健康委员会'],
  reviewRegionName: '吉林省',
}

describe('routeSteps', () => {
  it('follows the actual route: one authority for a provincial technology reviewed where received', () => {
    const steps = routeSteps({ ...provincial, holderRegionCode: '220100' })
    expect(steps.map((s) => s.title)).toEqual([
      '起草与自评',
      '提交备案',
      '长春市卫生健康委员会',
      '专家审查',
      '审查决定',
      '备案有效',
    ])
    expect(steps.map((s) => s.status)).toEqual(['finish', 'finish', 'process', 'wait', 'wait', 'wait'])
    expect(steps[2].description).toBe('待受理')
  })

  it('shows every level of a national technology filed with a county, and where it is now', () => {
    const steps = routeSteps({
      ...national,
      state: 'ESCALATED',
      stateLabel: '已逐级上报',
      holderRegionCode: '220100',
    })
    expect(steps.map((s) => s.title).slice(2, 5)).toEqual([
      '南关区卫生健康局',
      '长春市卫生健康委员会',
      '吉林省卫生健康委员会',
    ])
    expect(steps.findIndex((s) => s.status === 'process')).toBe(3)
    expect(steps.slice(0, 3).every((s) => s.status === 'finish')).toBe(true)
  })

  it('marks a draft, a return and a rejection, and finishes an active filing', () => {
    expect(routeSteps({ ...provincial, state: 'DRAFT', holderRegionCode: null })[0].status).toBe('process')
    const returned = routeSteps({ ...provincial, state: 'RETURNED_FOR_SUPPLEMENT', holderRegionCode: null })
    expect(returned[0]).toMatchObject({ status: 'error', description: '退回补充，请补充后重新提交' })
    const rejected = routeSteps({ ...provincial, state: 'REJECTED', holderRegionCode: null })
    expect(rejected[4]).toMatchObject({ status: 'error', description: '不予备案' })
    expect(rejected[5].status).toBe('wait')
    expect(routeSteps({ ...provincial, state: 'ACTIVE' }).every((s) => s.status === 'finish')).toBe(true)
    expect(
      routeSteps({ ...national, state: 'UNDER_EXPERT_REVIEW', holderRegionCode: '220000' })[5].status,
    ).toBe('process')
  })
})

describe('toastFor', () => {
  const answer = {
    holderAuthorityName: '长春市卫生健康委员会',
    holderRegionName: '长春市',
    actionDueOn: '2026-12-14',
    stateLabel: '已提交',
    pendingAttestations: [],
  } as unknown as Filing

  it('says where a submission went and until when, from the server answer', () => {
    expect(toastFor('submit', '提交备案', answer)).toBe('已提交至长春市卫生健康委员会，办理时限至 12月14日')
    expect(toastFor('escalate', '逐级上报', { ...answer, holderAuthorityName: '吉林省卫生健康委员会' })).toBe(
      '已上报至吉林省卫生健康委员会，办理时限至 12月14日',
    )
    expect(
      toastFor('withdraw', '撤回提交', {
        ...answer,
        stateLabel: '已自评',
        holderAuthorityName: null,
      } as Filing),
    ).toBe('已撤回提交，备案回到“已自评”，可修改后重新提交')
  })

  it('formats month and day without leading zeros', () => {
    expect(monthDay('2026-03-05')).toBe('3月5日')
    expect(monthDay(null)).toBe('')
  })
})

describe('submitWarning', () => {
  it('warns only before submitting a 不符合 self-assessment', () => {
    const assessment = (status: string, statusLabel: string) =>
      ({ assessment: { status, statusLabel } }) as unknown as Pick<Filing, 'assessment'>
    expect(submitWarning(assessment('NOT_MET', '不符合'))).toContain('不符合')
    expect(submitWarning(assessment('MET', '符合'))).toBeNull()
    expect(submitWarning({ assessment: null })).toBeNull()
  })
})
