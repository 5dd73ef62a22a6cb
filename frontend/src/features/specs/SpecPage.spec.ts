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

afterEach(() => vi.unstubAllGlobals())

describe('SpecPage', { timeout: 30_000 }, () => {
  it('shows the clause, rule and attestation counts the API sends in summary', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(response)),
    )
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
})
