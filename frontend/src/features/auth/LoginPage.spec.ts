import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginPage from './LoginPage.vue'

describe('LoginPage', { timeout: 30_000 }, () => {
  it('offers the public lists and the registration as separate links', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 401, headers: { 'Content-Type': 'application/json' } })),
    )
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }],
    })
    await router.push('/login')
    const wrapper = mount(LoginPage, { global: { plugins: [ElementPlus, router] } })
    await flushPromises()
    const links = wrapper.findAll('.auth-links a')
    expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['备案公示', '/public/filings'],
      ['培训基地公示', '/public/training-bases'],
      ['医疗机构注册', '/register'],
    ])
    wrapper.unmount()
    vi.unstubAllGlobals()
  })
})
