import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { setUser } from '@/features/auth/session'
import { testUser } from '@/features/auth/testing'
import CaseExportPanel from './CaseExportPanel.vue'

describe('CaseExportPanel', { timeout: 30_000 }, () => {
  it('points to the served JSON Schema of the export, not to a file of the repository', async () => {
    setUser(testUser('PROVINCE_AUTHORITY', { regionCode: '220000' }))
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })),
    )
    const wrapper = mount(CaseExportPanel, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="case-export-schema"]').attributes('href')).toBe(
      '/api/public/case-export.schema.json',
    )
    expect(wrapper.text()).not.toContain('docs/')
    wrapper.unmount()
    vi.unstubAllGlobals()
  })
})
