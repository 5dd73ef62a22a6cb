import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { DischargeBatch } from './discharge'

const batch: DischargeBatch = {
  id: 'b1',
  institutionId: 'inst-1',
  institutionName: '吉林省松江肿瘤医院',
  fileName: '首页.xlsx',
  format: 'XLSX',
  charset: null,
  rows: 2,
  inserted: 2,
  duplicates: 0,
  restricted: 1,
  restrictedByTechnology: { G08: 1 },
  operatorsUnresolved: 0,
  firstDischarge: '2026-10-01',
  lastDischarge: '2026-10-31',
  alreadyImported: false,
  uploadedAt: '2026-11-22T02:00:00Z',
  ignoredColumns: [],
  invalidCodes: [],
  suspectCodes: [],
  unmatchedCodes: [],
  warnings: ['“病案号”列有 2 行是 Excel 数值单元格（第 2 行起），开头的 0 可能已丢失'],
}

vi.mock('./discharge', async (original) => ({
  ...(await original<typeof import('./discharge')>()),
  dischargeApi: { upload: vi.fn(async () => batch), batches: vi.fn(async () => []) },
}))

describe('DischargeUploadPage', { timeout: 30_000 }, () => {
  it('shows what the import read but may be wrong, naming the column', async () => {
    const { default: DischargeUploadPage } = await import('./DischargeUploadPage.vue')
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)', component: {} }],
    })
    const wrapper = mount(DischargeUploadPage, { global: { plugins: [ElementPlus, router] } })
    await flushPromises()
    const input = wrapper.get('[data-testid="discharge-file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], '首页.xlsx')] })
    await input.trigger('change')
    await wrapper.get('[data-testid="discharge-upload"]').trigger('click')
    await flushPromises()
    const warnings = wrapper.findAll('[data-testid="discharge-warning"]')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].text()).toContain('“病案号”列有 2 行是 Excel 数值单元格')
    wrapper.unmount()
  })
})
