import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ExpertPicker from './ExpertPicker.vue'
import type { ExpertCandidate } from '@/features/experts/api'

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function candidate(overrides: Partial<ExpertCandidate>): ExpertCandidate {
  return {
    id: 'e1',
    username: 'match',
    displayName: '本级专家',
    regionCode: '220100',
    regionName: '长春市',
    pool: '本级',
    specialties: [{ code: 'S04', name: '肿瘤深部热疗和全身热疗技术' }],
    specialtyMatch: true,
    employerName: null,
    recused: false,
    recusalReason: null,
    ...overrides,
  }
}

const CANDIDATES = [
  candidate({}),
  candidate({
    id: 'e2',
    username: 'recused',
    displayName: '回避专家',
    employerName: '长春市中心医院',
    recused: true,
    recusalReason: '受聘于长春市中心医院（被审查机构），须回避',
  }),
  candidate({ id: 'e3', username: 'other', displayName: '其他专业专家', specialtyMatch: false }),
]

async function mountPicker(assigned?: string[]) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith('/expert-candidates')) return json(CANDIDATES)
    if (url.endsWith('/expert-draw') && init?.method === 'POST')
      return json({
        subjectType: 'Filing',
        subjectId: 'f1',
        technologyCode: 'S04',
        count: 1,
        seed: '00000000075bcd15',
        algorithm: '…',
        candidateIds: ['e1'],
        drawn: [CANDIDATES[0]],
      })
    return json([])
  })
  vi.stubGlobal('fetch', fetchMock)
  const wrapper = mount(ExpertPicker, {
    props: { modelValue: [], target: { kind: 'filings', id: 'f1' }, assigned },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, fetchMock }
}

describe('ExpertPicker with suggestions (docs/experts.md)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the specialty match and greys a recused expert with the reason', async () => {
    const { wrapper } = await mountPicker()
    expect(wrapper.get('[data-testid="candidate-match"]').text()).toContain('专业匹配')
    expect(wrapper.get('[data-testid="candidate-other"]').text()).toContain('专业不符')
    const recused = wrapper.get('[data-testid="candidate-recused"]')
    expect(recused.classes()).toContain('recused')
    expect(recused.text()).toContain('受聘于长春市中心医院（被审查机构），须回避')
    expect(recused.find('input[type="checkbox"]').attributes('disabled')).toBeDefined()
  })

  it('selects the experts of a random draw and says it was recorded', async () => {
    const { wrapper, fetchMock } = await mountPicker()
    await wrapper.get('[data-testid="draw-experts"]').trigger('click')
    await flushPromises()
    const post = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/expert-draw'))!
    expect(String(post[0])).toBe('/api/filings/f1/expert-draw')
    expect(JSON.parse(String((post[1] as RequestInit).body))).toEqual({ count: 2 })
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([['e1']])
    expect(wrapper.get('[data-testid="draw-result"]').text()).toContain('00000000075bcd15')
  })

  it('when replacing an expert, shows the experts on the panel as not selectable and offers no draw', async () => {
    const { wrapper } = await mountPicker(['e1'])
    const onPanel = wrapper.get('[data-testid="candidate-match"]')
    expect(onPanel.text()).toContain('已在本次评审专家组中')
    expect(onPanel.find('input[type="checkbox"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid="draw-experts"]').exists()).toBe(false)
    await wrapper.get('[data-testid="candidate-other"] input[type="checkbox"]').setValue(true)
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([['e3']])
  })
})
