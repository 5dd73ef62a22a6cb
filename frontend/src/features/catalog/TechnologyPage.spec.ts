import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import TechnologyPage from './TechnologyPage.vue'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const spec = (key: string, jurisdiction: string) => ({
  key,
  technology: 'S04',
  edition: key.slice(4),
  title: `${key} 管理规范`,
  level: 'PROVINCIAL',
  jurisdiction,
  issuedOn: '2022-04-20',
  effectiveFrom: '2022-04-20',
  truncated: false,
  clauseCount: 1,
  ruleCount: 1,
  attestationCount: 0,
})

afterEach(() => vi.unstubAllGlobals())

describe('TechnologyPage', { timeout: 30_000 }, () => {
  it('names the region of each edition: 全国 for 000000, the province by name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.startsWith('/api/regions'))
          return json([{ code: '220000', name: '吉林省', level: 'PROVINCE', children: [] }])
        if (url.startsWith('/api/dictionary')) return json({ version: 'x', groups: {} })
        return json({
          code: 'S04',
          name: '肿瘤热疗技术',
          level: 'PROVINCIAL',
          levelLabel: '省级',
          jurisdiction: '220000',
          catalogueEdition: '2022',
          status: 'IN_FORCE',
          statusLabel: '现行',
          specStatus: 'ENCODED',
          specStatusLabel: '规范已录入',
          history: [],
          specs: [spec('S04-2017', '000000'), spec('S04-2022', '220000')],
        })
      }),
    )
    const wrapper = mount(TechnologyPage, {
      props: { code: 'S04' },
      global: { plugins: [ElementPlus], stubs: { RouterLink: true } },
    })
    await flushPromises()
    expect(wrapper.text()).toContain('全国')
    expect(wrapper.text()).toContain('吉林省')
    expect(wrapper.text()).not.toContain('000000')
    expect(wrapper.text()).not.toContain('220000')
    wrapper.unmount()
  })
})
