import { describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { Person } from '@/api/types'
import { setUser } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import PersonForm from './PersonForm.vue'

const record: Person = {
  id: 'p1',
  name: '王强',
  gender: '男',
  birthDate: '1980-01-01',
  roles: ['PHYSICIAN'],
  institutionId: null,
  licence: { number: '110220000012345', issuedOn: '2008-08-01', scopes: ['外科专业'] },
  titles: [{ title: 'ATTENDING', since: '2013-12-01' }],
  clinicalStart: '2008-07-01',
  specialties: [],
  trainings: [],
  caseVolumes: [],
  adverseEvents: [],
}

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

describe('PersonForm', () => {
  it(
    'edits a reactive record and shows server field errors on their fields',
    { timeout: 60000 },
    async () => {
      const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'PUT') {
          return json(
            {
              status: 422,
              detail: '人员信息有误',
              code: 'INVALID_PERSON',
              errors: [
                { field: 'titles[0].since', message: '主治医师取得日期 2013-12-01 早于临床工作开始日期' },
              ],
            },
            422,
            'application/problem+json',
          )
        }
        return json(url.startsWith('/api/institutions') ? [] : [])
      })
      vi.stubGlobal('fetch', fetchMock)
      const wrapper = mount(PersonForm, {
        props: { record: reactive(structuredClone(record)) as Person, id: 'p1' },
        global: { plugins: [ElementPlus] },
      })
      await flushPromises()
      expect((wrapper.get('input[data-testid="person-name"]').element as HTMLInputElement).value).toBe('王强')

      await wrapper.get('form').trigger('submit')
      await flushPromises()
      await wrapper.vm.$nextTick()
      await flushPromises()
      // the PUT and its 422 are handled asynchronously; on a loaded machine one flush is not always enough
      await vi.waitFor(
        () => expect(wrapper.get('[data-testid="cell-titles-0-since"]').classes()).toContain('is-error'),
        { timeout: 20000 },
      )
      const put = fetchMock.mock.calls.find((c) => c[1]?.method === 'PUT')
      expect(put?.[0]).toBe('/api/people/p1')
      expect(JSON.parse(String(put?.[1]?.body))).not.toHaveProperty('id')
      const item = wrapper
        .findAllComponents({ name: 'ElFormItem' })
        .find((c) => c.attributes('data-testid') === 'cell-titles-0-since')
      expect(item?.props('error')).toBe('主治医师取得日期 2013-12-01 早于临床工作开始日期')
    },
  )

  it(
    'as a section editor shows only that section and sends the loaded record with the edit merged in',
    { timeout: 60000 },
    async () => {
      const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
        init?.method === 'PUT' ? json({ ...record, version: 4 }) : json([]),
      )
      vi.stubGlobal('fetch', fetchMock)
      const wrapper = mount(PersonForm, {
        props: { record: { ...structuredClone(record), version: 3 }, id: 'p1', sections: ['titles'] },
        global: { plugins: [ElementPlus] },
      })
      await flushPromises()
      expect(wrapper.find('input[data-testid="person-name"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="row-editor-trainings"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="row-editor-titles"]').exists()).toBe(true)

      await wrapper.get('[data-testid="row-add-titles"]').trigger('click')
      await wrapper.get('[data-testid="row-remove-titles-1"]').trigger('click')
      await wrapper.get('[data-testid="row-remove-titles-0"]').trigger('click')
      await wrapper.get('form').trigger('submit')
      await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1), { timeout: 20000 })
      const put = fetchMock.mock.calls.find((c) => c[1]?.method === 'PUT')
      const body = JSON.parse(String(put?.[1]?.body))
      expect(body.titles).toEqual([])
      expect(body.name).toBe('王强')
      expect(body.licence.number).toBe('110220000012345')
      expect(body.version).toBe(3)
    },
  )

  it(
    "keeps a hospital user's person at the own institution (no clearing, no move); the system administrator may",
    { timeout: 60000 },
    async () => {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => json([{ id: 'i1', name: '长春市中心医院' }])),
      )
      const own = { ...structuredClone(record), institutionId: 'i1' }
      setUser(testUser('HOSPITAL_CLERK', { institutionId: 'i1' }))
      const clerk = mount(PersonForm, { props: { record: own }, global: { plugins: [ElementPlus] } })
      await flushPromises()
      const clerkSelect = clerk
        .findAllComponents({ name: 'ElSelect' })
        .find((c) => c.attributes('data-testid') === 'person-institution')
      expect(clerkSelect?.props('disabled')).toBe(true)
      expect(clerkSelect?.props('clearable')).toBe(false)
      clerk.unmount()

      setUser(testUser('SYSTEM_ADMIN'))
      const admin = mount(PersonForm, { props: { record: own }, global: { plugins: [ElementPlus] } })
      await flushPromises()
      const adminSelect = admin
        .findAllComponents({ name: 'ElSelect' })
        .find((c) => c.attributes('data-testid') === 'person-institution')
      expect(adminSelect?.props('disabled')).toBe(false)
      expect(adminSelect?.props('clearable')).toBe(true)
      admin.unmount()
      setUser(null)
    },
  )
})
