import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { Institution } from '@/api/types'
import InstitutionForm from './InstitutionForm.vue'
import { emptyInstitution } from './validation'

function record(): Institution {
  return {
    ...emptyInstitution(),
    id: 'i1',
    name: '测试医院',
    regionCode: '220102',
    level: 'TERTIARY_A',
    type: 'GENERAL',
    departments: [{ name: '肿瘤科', subjects: ['肿瘤科'], beds: 40 }],
    facilities: [{ kind: 'ICU', count: 1, beds: 10 }],
    equipment: [{ kind: 'CT', count: 1, model: 'A' }],
    version: 7,
  }
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('InstitutionForm as a section editor', () => {
  it(
    'renders only its section and sends the record with the edit merged in and its version',
    { timeout: 60000 },
    async () => {
      const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
        init?.method === 'PUT' ? json({ ...record(), version: 8 }) : json([]),
      )
      vi.stubGlobal('fetch', fetchMock)
      const wrapper = mount(InstitutionForm, {
        props: { record: record(), id: 'i1', sections: ['equipment'] },
        global: { plugins: [ElementPlus] },
      })
      await flushPromises()
      expect(wrapper.find('[data-testid="row-editor-equipment"]').exists()).toBe(true)
      expect(wrapper.find('[data-testid="row-editor-departments"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="row-editor-facilities"]').exists()).toBe(false)
      expect(wrapper.find('input[data-testid="institution-name"]').exists()).toBe(false)

      await wrapper.get('[data-testid="cell-equipment-0-model"] input').setValue('B')
      await wrapper.get('form').trigger('submit')
      await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1), { timeout: 20000 })
      const put = fetchMock.mock.calls.find((c) => c[1]?.method === 'PUT')
      expect(put?.[0]).toBe('/api/institutions/i1')
      const body = JSON.parse(String(put?.[1]?.body))
      expect(body.equipment).toEqual([{ kind: 'CT', count: 1, model: 'B' }])
      expect(body.departments).toEqual([{ name: '肿瘤科', subjects: ['肿瘤科'], beds: 40 }])
      expect(body.facilities).toEqual([{ kind: 'ICU', count: 1, beds: 10 }])
      expect(body.version).toBe(7)
    },
  )

  it('names errors of other sections instead of refusing the save silently', { timeout: 60000 }, async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      json(init?.method === 'PUT' ? {} : []),
    )
    vi.stubGlobal('fetch', fetchMock)
    const broken = { ...record(), facilities: [{ kind: 'icu', count: 1, beds: 0 }] }
    const wrapper = mount(InstitutionForm, {
      props: { record: broken, id: 'i1', sections: ['equipment'] },
      global: { plugins: [ElementPlus] },
    })
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(fetchMock.mock.calls.find((c) => c[1]?.method === 'PUT')).toBeUndefined()
    expect(wrapper.get('[data-testid="errors-elsewhere"]').text()).toContain(
      '设施类型代码只能包含大写字母、数字和下划线',
    )
  })
})
