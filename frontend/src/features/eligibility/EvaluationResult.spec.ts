import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ClauseEvaluation } from '@/api/types'
import EvaluationResult from './EvaluationResult.vue'

const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }],
})

function render(result: ClauseEvaluation) {
  return mount(EvaluationResult, { props: { result }, global: { plugins: [ElementPlus, router] } })
}

const base: ClauseEvaluation = {
  subject: 'TRAINEE',
  subjectLabel: '学员',
  technology: 'S01',
  edition: '2022年版',
  pathways: [],
  qualifiedPhysicians: [],
  notices: [],
  specKey: 'S01-2022',
  specTitle: '同种异体皮肤移植技术管理规范',
  asOf: '2026-06-30',
  status: 'NOT_APPLICABLE',
  statusLabel: '不适用',
  clauses: [],
}

describe('EvaluationResult', () => {
  it('shows every notice of the verdict', () => {
    const wrapper = render({
      ...base,
      notices: [
        '本规范无培训要求（S01-2022 没有培训管理要求条款），不适用',
        '本规范印发日期 2023-01-01 为推定日期',
      ],
    })
    const notices = wrapper.findAll('[data-testid="evaluation-notice"]')
    expect(notices).toHaveLength(2)
    expect(notices[0].text()).toContain('本规范无培训要求')
    expect(notices[1].text()).toContain('推定')
  })

  it('says the spec has no training requirements instead of an empty pathway table', () => {
    const wrapper = render({
      ...base,
      subject: 'PHYSICIAN',
      status: 'MET',
      statusLabel: '符合',
      trainee: {
        ...base,
        status: 'NOT_APPLICABLE',
        pathways: [],
        notices: ['本规范无培训要求（S01-2022 没有培训管理要求条款），不适用'],
      },
    })
    expect(wrapper.find('[data-testid="trainee-notice"]').text()).toContain('本规范无培训要求')
  })

  it('shows no notice when there is none', () => {
    expect(render(base).findAll('[data-testid="evaluation-notice"]')).toHaveLength(0)
  })
})
