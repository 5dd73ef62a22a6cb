import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { session } from '@/features/auth/session'
import AppLayout from './AppLayout.vue'

function viewport(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(max-width: 767px)' && width < 768,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
}

async function layout() {
  const Page = { template: '<p>页面</p>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/inbox', component: Page },
    ],
  })
  session.user = {
    id: 'u',
    username: 'ccswjw',
    displayName: '长春市卫健委审核员',
    role: 'CITY_AUTHORITY',
    roleLabel: '市级卫生健康行政部门',
    institutionId: null,
    personId: null,
    regionCode: '220100',
    regionName: '长春市',
    mustChangePassword: false,
  }
  await router.push('/')
  const wrapper = mount(AppLayout, { global: { plugins: [ElementPlus, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => {
  vi.unstubAllGlobals()
  session.user = null
})

describe('AppLayout', { timeout: 30_000 }, () => {
  it('keeps the sidebar open and shows no menu button on a wide screen', async () => {
    viewport(1280)
    const { wrapper } = await layout()
    expect(wrapper.find('[data-testid="menu-toggle"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="app-aside"]').isVisible()).toBe(true)
    wrapper.unmount()
  })

  it('collapses the sidebar below 768 px behind a menu button, and closes it when a page is chosen', async () => {
    viewport(390)
    const { wrapper, router } = await layout()
    const aside = wrapper.get('[data-testid="app-aside"]')
    const toggle = wrapper.get('[data-testid="menu-toggle"]')
    expect(aside.isVisible()).toBe(false)
    expect(toggle.attributes('aria-expanded')).toBe('false')

    await toggle.trigger('click')
    expect(aside.isVisible()).toBe(true)
    expect(aside.classes()).toContain('app-aside-overlay')
    expect(toggle.attributes('aria-expanded')).toBe('true')

    await router.push('/inbox')
    await flushPromises()
    expect(aside.isVisible()).toBe(false)
    wrapper.unmount()
  })
})
