import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/http'
import RefusalDetails from './RefusalDetails.vue'
import { refusalFrom } from './refusal'

const notEligible = new ApiError({
  code: 'NOT_ELIGIBLE',
  status: 422,
  title: '不符合授权条件',
  detail: '刘某 不符合 G08-2023 的医师要求（不符合），不能授权：G08/2022 二(一)2',
  eligibilityStatus: 'NOT_MET',
  eligibilityStatusLabel: '不符合',
  specKey: 'G08-2023',
  clauses: [
    {
      citation: 'G08/2022 二(一)2',
      status: 'NOT_MET',
      statusLabel: '不符合',
      explanation: '主治医师任职 4 年 11 个月，要求 ≥ 5 年',
    },
    { citation: 'G08/2022 二(一)3', status: 'NEEDS_ATTESTATION', statusLabel: '待确认', explanation: null },
  ],
})

describe('authorization refusal', () => {
  it('reads only NOT_ELIGIBLE problems', () => {
    expect(refusalFrom(new ApiError({ status: 409, code: 'AUTHORIZATION_CONFLICT' }))).toBeNull()
    expect(refusalFrom(new Error('x'))).toBeNull()
    const r = refusalFrom(notEligible)!
    expect(r.specKey).toBe('G08-2023')
    expect(r.clauses).toHaveLength(2)
  })

  it('renders every failing clause with its citation and explanation', () => {
    const wrapper = mount(RefusalDetails, {
      props: { refusal: refusalFrom(notEligible)! },
      global: { plugins: [ElementPlus] },
    })
    expect(wrapper.get('[data-testid="refusal-detail"]').text()).toContain('不能授权')
    expect(wrapper.text()).toContain('依据 G08-2023，评估结论：不符合')
    const first = wrapper.get('[data-testid="refusal-clause-G08/2022 二(一)2"]')
    expect(first.get('[data-testid="refusal-citation"]').text()).toBe('G08/2022 二(一)2')
    expect(first.text()).toContain('不符合')
    expect(first.get('[data-testid="refusal-explanation"]').text()).toBe(
      '主治医师任职 4 年 11 个月，要求 ≥ 5 年',
    )
    const second = wrapper.get('[data-testid="refusal-clause-G08/2022 二(一)3"]')
    expect(second.text()).toContain('待确认')
    expect(second.get('[data-testid="refusal-explanation"]').text()).toBe('—')
  })
})
