import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import TechnologyName from './TechnologyName.vue'

afterEach(() => vi.unstubAllGlobals())

describe('TechnologyName', () => {
  it('shows the catalogue name beside the code, and the code alone when the catalogue does not know it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify([{ code: 'G08', name: '肿瘤消融治疗技术' }]), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    )
    const known = mount(TechnologyName, { props: { code: 'G08' } })
    const unknown = mount(TechnologyName, { props: { code: 'X99' } })
    const none = mount(TechnologyName, { props: { code: null } })
    await flushPromises()
    expect(known.text().replace(/\s/g, ' ')).toBe('G08 肿瘤消融治疗技术')
    expect(unknown.text()).toBe('X99')
    expect(none.text()).toBe('—')
  })
})
