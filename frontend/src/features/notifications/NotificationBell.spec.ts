import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import NotificationBell from './NotificationBell.vue'
import NotificationList from './NotificationList.vue'
import type { Notification } from './api'
import { markActivity } from '@/app/activity'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const message: Notification = {
  id: 'n1',
  kind: 'FILING_APPROVED',
  title: '备案审查通过：长春市中心医院「肿瘤深部热疗和全身热疗技术」',
  body: '长春市中心医院 的「肿瘤深部热疗和全身热疗技术」备案（省级限制类技术）审查通过。当前状态：审查通过。',
  link: '/filings/f1',
  createdAt: '2026-11-30T08:05:00Z',
  read: false,
  readAt: null,
}

function stubServer(unread: number) {
  const calls: { method: string; url: string }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ method, url })
      if (url === '/api/notifications/unread-count') return json({ unread })
      if (url.startsWith('/api/notifications?'))
        return json({ items: [{ ...message }], total: 1, unread, page: 0, size: 10 })
      if (url === '/api/notifications/n1/read' && method === 'POST')
        return json({ ...message, read: true, readAt: '2026-11-30T08:06:00Z' })
      if (url === '/api/notifications/read-all' && method === 'POST') return json({ marked: unread })
      return json({}, 404)
    }),
  )
  return calls
}

async function makeRouter() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/filings/:id', component: { template: '<div />' } },
      { path: '/notifications', component: { template: '<div />' } },
    ],
  })
  await router.push('/')
  return router
}

async function mountList(unread: number) {
  const calls = stubServer(unread)
  const router = await makeRouter()
  const wrapper = mount(NotificationList, {
    props: { unread },
    global: { plugins: [ElementPlus, router] },
  })
  await flushPromises()
  return { wrapper, calls, router }
}

afterEach(() => vi.unstubAllGlobals())

describe('NotificationBell', () => {
  it('shows the unread count from the server and no badge at zero', async () => {
    stubServer(3)
    const bell = mount(NotificationBell, { global: { plugins: [ElementPlus, await makeRouter()] } })
    await flushPromises()
    expect(bell.find('[data-testid="notification-count"] sup').text()).toBe('3')
    bell.unmount()
    stubServer(0)
    const none = mount(NotificationBell, { global: { plugins: [ElementPlus, await makeRouter()] } })
    await flushPromises()
    expect(none.find('[data-testid="notification-count"] sup').exists()).toBe(false)
    none.unmount()
  })

  it('polls while the user is active and stops when the tab is left alone, so the session can time out', async () => {
    vi.useFakeTimers()
    try {
      const calls = stubServer(1)
      markActivity()
      const bell = mount(NotificationBell, { global: { plugins: [ElementPlus, await makeRouter()] } })
      await flushPromises()
      const polls = () => calls.filter((c) => c.url === '/api/notifications/unread-count').length
      expect(polls()).toBe(1)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(polls()).toBe(2)
      // nobody touches the page: after five idle minutes no more requests
      await vi.advanceTimersByTimeAsync(10 * 60_000)
      const whileIdle = polls()
      expect(whileIdle).toBeLessThanOrEqual(2 + 5)
      await vi.advanceTimersByTimeAsync(30 * 60_000)
      expect(polls()).toBe(whileIdle)
      // a key pressed: polling resumes
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
      await vi.advanceTimersByTimeAsync(60_000)
      expect(polls()).toBe(whileIdle + 1)
      bell.unmount()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('NotificationList', () => {
  it('lists the messages with their text and reports the unread count', async () => {
    const { wrapper } = await mountList(3)
    const items = wrapper.findAll('[data-testid="notification-item"]')
    expect(items).toHaveLength(1)
    expect(items[0]!.text()).toContain('长春市中心医院')
    expect(items[0]!.text()).toContain('标记已读')
    expect(wrapper.emitted('unread')?.at(-1)).toEqual([3])
  })

  it('marks one read, lowers the count and hides its button', async () => {
    const { wrapper, calls } = await mountList(3)
    await wrapper.find('[data-testid="notification-mark-read"]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual({ method: 'POST', url: '/api/notifications/n1/read' })
    expect(wrapper.emitted('unread')?.at(-1)).toEqual([2])
    expect(wrapper.find('[data-testid="notification-mark-read"]').exists()).toBe(false)
  })

  it('opens the linked filing and marks the message read', async () => {
    const { wrapper, calls, router } = await mountList(1)
    await wrapper.find('[data-testid="notification-open"]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual({ method: 'POST', url: '/api/notifications/n1/read' })
    expect(router.currentRoute.value.path).toBe('/filings/f1')
    expect(wrapper.emitted('navigated')).toHaveLength(1)
  })

  it('marks all read', async () => {
    const { wrapper, calls } = await mountList(2)
    await wrapper.find('[data-testid="notification-read-all"]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual({ method: 'POST', url: '/api/notifications/read-all' })
    expect(wrapper.emitted('unread')?.at(-1)).toEqual([0])
    expect(wrapper.find('[data-testid="notification-mark-read"]').exists()).toBe(false)
  })
})
