import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { CurrentUser } from '@/api/types'
import { setUser } from '@/features/auth/session'
import TraineeFilePage from '@/features/training/trainees/TraineeFilePage.vue'
import TrainingBaseDetailPage from '@/features/training/bases/TrainingBaseDetailPage.vue'

const clerk: CurrentUser = {
  id: 'u1',
  username: 'songjiang-clerk',
  displayName: '医务科',
  role: 'HOSPITAL_CLERK',
  institutionId: 'i1',
  personId: null,
  regionCode: null,
  roleLabel: '医务科',
  mustChangePassword: false,
}

function problem(status: number, detail: string) {
  return new Response(JSON.stringify({ title: detail, status, detail, code: 'TEST' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

/**
 * Mounts a detail page whose record request (`record`) answers, in turn, with each of `answers` (the last repeats);
 * every other request (dictionary, catalogue) gets an empty list.
 */
async function mountPage(page: object, record: string, answers: Array<() => Response>) {
  setUser(clerk)
  const fetch = vi.fn(async (url: string) => {
    if (String(url).split('?')[0] !== record)
      return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })
    const next = answers.length > 1 ? answers.shift()! : answers[0]
    return next()
  })
  vi.stubGlobal('fetch', fetch)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: { template: '<div />' } }],
  })
  await router.push('/x')
  const wrapper = mount(page, { props: { id: 'f1' }, global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return { wrapper, fetch }
}

const recordCalls = (fetch: { mock: { calls: unknown[][] } }) =>
  fetch.mock.calls.filter(([url]) => String(url) === '/api/trainees/f1').length

describe('a detail page whose record cannot be read', { timeout: 30_000 }, () => {
  it('says the trainee file is outside the account scope on 403, instead of a blank page', async () => {
    const { wrapper } = await mountPage(TraineeFilePage, '/api/trainees/f1', [() => problem(403, '无权访问')])
    expect(wrapper.get('[data-testid="forbidden"]').text()).toContain('无权查看该培训档案')
    wrapper.unmount()
  })

  it('offers a retry after a failure, and says not found when the retry answers 404', async () => {
    const { wrapper, fetch } = await mountPage(TraineeFilePage, '/api/trainees/f1', [
      () => problem(503, '服务暂不可用'),
      () => problem(404, '未找到'),
    ])
    expect(wrapper.get('[data-testid="load-failed"]').text()).toContain('未能读取该培训档案')
    const calls = recordCalls(fetch)
    await wrapper.get('[data-testid="load-failed"] button').trigger('click')
    await flushPromises()
    expect(recordCalls(fetch)).toBe(calls + 1)
    expect(wrapper.find('[data-testid="load-failed"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="load-not-found"]').text()).toContain('未找到该培训档案')
    wrapper.unmount()
  })

  it('shows the training base failure with a retry too', async () => {
    const { wrapper } = await mountPage(TrainingBaseDetailPage, '/api/training-bases/f1', [
      () => problem(500, '内部错误'),
    ])
    expect(wrapper.get('[data-testid="load-failed"]').text()).toContain('未能读取该培训基地')
    expect(wrapper.find('[data-testid="base-detail"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
