import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import WhatIfForm from './WhatIfForm.vue'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json' },
  })
}

const institution = {
  id: 'i1',
  name: '长春市中心医院',
  regionCode: '220102',
  level: 'TERTIARY_A',
  type: 'GENERAL',
  licence: null,
  registeredSubjects: [],
  departments: [{ name: '烧伤科', subjects: ['外科'], beds: 40 }],
  facilities: [],
  equipment: [{ kind: 'ELECTRIC_DERMATOME', count: 1 }],
  operatingRooms: [],
  licences: [],
  firstCases: {},
  caseVolumes: [],
  attestations: [],
}

function verdict(met: boolean) {
  return {
    subject: 'INSTITUTION',
    specKey: 'S01-2022',
    specTitle: null,
    asOf: '2026-11-22',
    status: met ? 'MET' : 'NOT_MET',
    statusLabel: met ? '符合' : '不符合',
    clauses: [
      {
        ref: '一(三)',
        citation: 'S01/2022 一(三)',
        section: 'INSTITUTION',
        sectionLabel: '医疗机构基本要求',
        text: '有取皮设备',
        status: met ? 'MET' : 'NOT_MET',
        statusLabel: met ? '符合' : '不符合',
        explanation: met
          ? '有电动取皮刀 1 台'
          : '无相关设备，要求有电动取皮刀或滚轴取皮刀或鼓式取皮机或皮肤拉网机（其一）',
        actual: null,
        required: null,
        evidence: null,
      },
    ],
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('WhatIfForm', { timeout: 30_000 }, () => {
  it('evaluates the saved institution and the changed one and shows the clause that changed', async () => {
    const bodies: { equipment: unknown[] }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url.startsWith('/api/institutions/i1')) return json(institution)
        if (url.startsWith('/api/institutions')) return json([{ id: 'i1', name: institution.name }])
        if (url.startsWith('/api/people')) return json([])
        if (url.startsWith('/api/dictionary'))
          return json({
            version: 'x',
            groups: { equipment: [{ code: 'ELECTRIC_DERMATOME', label: '电动取皮刀' }] },
          })
        if (url.startsWith('/api/eligibility/evaluate')) {
          const body = JSON.parse(String(init?.body))
          bodies.push(body.facts.institution)
          return json(verdict(body.facts.institution.equipment.length > 0))
        }
        return json({})
      }),
    )
    const wrapper = mount(WhatIfForm, {
      props: { technologies: [] },
      global: { plugins: [ElementPlus] },
    })
    await flushPromises()
    const vm = wrapper.vm as unknown as {
      recordId: string
      technology: string
      institution: { equipment: string[] }
      load: () => Promise<void>
      evaluate: () => Promise<void>
    }
    vm.technology = 'S01'
    vm.recordId = 'i1'
    await vm.load()
    await flushPromises()
    expect(wrapper.find('[data-testid=what-if-diff]').exists()).toBe(true)
    expect(wrapper.find('tr.changed').exists()).toBe(false)
    expect(wrapper.find('[data-testid=what-if-equipment]').text()).toContain('电动取皮刀')

    vm.institution.equipment = []
    await vm.evaluate()
    await flushPromises()
    expect(bodies.at(-1)!.equipment).toEqual([])
    const changed = wrapper.find('tr.changed')
    expect(changed.exists()).toBe(true)
    expect(changed.text()).toContain('符合')
    expect(changed.text()).toContain('不符合')
    expect(wrapper.text()).not.toMatch(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/)
    wrapper.unmount()
  })

  it("chooses a hospital account's only institution, and nothing when there are several", async () => {
    const mountWith = async (list: { id: string; name: string }[]) => {
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => json(url.startsWith('/api/institutions') ? list : [])),
      )
      const wrapper = mount(WhatIfForm, { props: { technologies: [] }, global: { plugins: [ElementPlus] } })
      await flushPromises()
      return wrapper
    }
    const own = await mountWith([{ id: 'i1', name: institution.name }])
    expect((own.vm as unknown as { recordId: string }).recordId).toBe('i1')
    own.unmount()
    const many = await mountWith([
      { id: 'i1', name: institution.name },
      { id: 'i2', name: '吉林省松江肿瘤医院' },
    ])
    expect((many.vm as unknown as { recordId: string }).recordId).toBe('')
    many.unmount()
  })

  it('shows a server refusal in Chinese', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.startsWith('/api/institutions/i1')) return json(institution)
        if (url.startsWith('/api/eligibility/evaluate'))
          return json(
            { status: 422, title: '请求有误', detail: '未找到技术 X99 的管理规范', code: 'NO_SPEC_IN_FORCE' },
            422,
          )
        return json([])
      }),
    )
    const wrapper = mount(WhatIfForm, { props: { technologies: [] }, global: { plugins: [ElementPlus] } })
    await flushPromises()
    const vm = wrapper.vm as unknown as { recordId: string; load: () => Promise<void> }
    vm.recordId = 'i1'
    await vm.load()
    await flushPromises()
    expect(wrapper.find('[data-testid=what-if-error]').text()).toContain('未找到技术 X99 的管理规范')
    wrapper.unmount()
  })
})
