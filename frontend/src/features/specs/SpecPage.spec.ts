import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import SpecPage from './SpecPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

// The shape of SpecController.SpecResponse: the edition's fields at the top, the counts only in `summary`.
const edition = {
  key: 'G08-2022',
  technology: 'G08',
  edition: '2022',
  title: '测试技术临床应用管理规范（2022 年版）',
  level: 'NATIONAL',
  jurisdiction: '',
  issuedOn: '2022-03-01',
  effectiveFrom: '2022-03-01',
  issuedOnAssumed: false,
  truncated: false,
}
const response = {
  summary: {
    ...edition,
    levelLabel: '国家级',
    clauseCount: 42,
    ruleCount: 17,
    attestationCount: 9,
    headingCount: 6,
  },
  ...edition,
  truncationNote: null,
  sourceFile: 'G08-2022.yaml',
  sourceDocument: '国卫办医函〔2022〕1号',
  notes: [],
  scope: '适用范围',
  subTechniques: [],
  routes: [],
  procedureCodes: [],
  parameters: {},
  clauses: [],
}

/** The content cell next to the bordered description label {@code label}. */
function described(wrapper: VueWrapper, label: string): string {
  const cell = wrapper.findAll('.el-descriptions__label').find((c) => c.text() === label)
  expect(cell, label).toBeDefined()
  return (cell!.element.nextElementSibling?.textContent ?? '').trim()
}

/** Answers the spec, the region tree and the dictionary by URL. */
function server(spec: unknown) {
  return vi.fn(async (url: string) => {
    if (url.startsWith('/api/regions'))
      return json([{ code: '220000', name: '吉林省', level: 'PROVINCE', children: [] }])
    if (url.startsWith('/api/dictionary')) return json({ version: 'x', groups: {} })
    return json(spec)
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('SpecPage', { timeout: 30_000 }, () => {
  it('shows the clause, rule and attestation counts the API sends in summary', async () => {
    vi.stubGlobal('fetch', server(response))
    const wrapper = mount(SpecPage, {
      props: { specKey: 'G08-2022' },
      global: { plugins: [ElementPlus], stubs: { RouterLink: true } },
    })
    await flushPromises()
    expect(described(wrapper, '条款数')).toBe('42')
    expect(described(wrapper, '机器校验')).toBe('17')
    expect(described(wrapper, '需人工确认')).toBe('9')
    wrapper.unmount()
  })

  it('names routes and sub-techniques without codes, 000000 as 全国, editor notes as 编注', async () => {
    vi.stubGlobal(
      'fetch',
      server({
        ...response,
        jurisdiction: '000000',
        notes: ['四(一)2 故 trainingRecord 要求 baseFiled（asOf ISSUE_DATE）'],
        subTechniques: [{ code: 'RFA', name: '射频消融' }],
        routes: [{ code: 'PERCUTANEOUS', name: '经皮' }],
      }),
    )
    const wrapper = mount(SpecPage, {
      props: { specKey: 'G08-2022' },
      global: { plugins: [ElementPlus], stubs: { RouterLink: true } },
    })
    await flushPromises()
    expect(described(wrapper, '适用地区')).toBe('全国')
    expect(wrapper.text()).toContain('经皮')
    expect(wrapper.text()).toContain('射频消融')
    expect(wrapper.text()).not.toContain('PERCUTANEOUS')
    expect(wrapper.text()).not.toContain('RFA')
    expect(wrapper.text()).not.toContain('000000')
    expect(wrapper.find('[data-testid=spec-editor-notes]').text()).toContain('编注')
    wrapper.unmount()
  })

  it('shows a provincial spec with the province name and no notes card when the server sends none', async () => {
    vi.stubGlobal('fetch', server({ ...response, jurisdiction: '220000', notes: [] }))
    const wrapper = mount(SpecPage, {
      props: { specKey: 'S01-2022' },
      global: { plugins: [ElementPlus], stubs: { RouterLink: true } },
    })
    await flushPromises()
    expect(described(wrapper, '适用地区')).toBe('吉林省')
    expect(wrapper.find('[data-testid=spec-editor-notes]').exists()).toBe(false)
    wrapper.unmount()
  })
  it('says which attestations are asked only when the rule leaves the judgement to the reviewer', async () => {
    const clause = (ref: string, attestation: Record<string, string>) => ({
      ref,
      citation: `G08/2022 ${ref}`,
      section: 'PERSONNEL',
      sectionLabel: '人员基本要求',
      subject: 'PHYSICIAN',
      subjectLabel: '医师',
      staffRoles: [],
      text: `条文 ${ref}`,
      heading: false,
      pathway: null,
      pathwayLabel: null,
      ruleSummary: '取得《医师执业证书》',
      attestation,
    })
    vi.stubGlobal(
      'fetch',
      server({
        ...response,
        clauses: [
          clause('二(一)1', { evidence: '执业范围相关的说明', when: 'UNDECIDED' }),
          clause('二(二)', { evidence: '培训证明' }),
        ],
      }),
    )
    const wrapper = mount(SpecPage, {
      props: { specKey: 'G08-2022' },
      global: { plugins: [ElementPlus], stubs: { RouterLink: true } },
    })
    await flushPromises()
    expect(wrapper.get('[data-testid="spec-clause-二(一)1"] [data-testid=clause-attestation]').text()).toBe(
      '规则无法判定时由审核人确认：执业范围相关的说明',
    )
    expect(wrapper.get('[data-testid="spec-clause-二(二)"] [data-testid=clause-attestation]').text()).toBe(
      '确认依据：培训证明',
    )
    wrapper.unmount()
  })
})
