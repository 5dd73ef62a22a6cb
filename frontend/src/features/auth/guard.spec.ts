import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { onAuthFailure, request } from '@/api/http'
import { installAuthGuard } from './guard'
import { clearSession, setUser, session } from './session'

const Blank = defineComponent({ template: '<div />' })

function makeRouter() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'dashboard', component: Blank },
      { path: '/login', name: 'login', component: Blank, meta: { public: true } },
      { path: '/password', name: 'password', component: Blank },
      { path: '/filings', name: 'filings', component: Blank },
      { path: '/public/filings', name: 'public', component: Blank, meta: { public: true } },
    ],
  })
  installAuthGuard(router)
  return router
}

function problem(status: number, code: string) {
  return new Response(JSON.stringify({ status, code, detail: '…' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

describe('installAuthGuard', () => {
  afterEach(() => {
    onAuthFailure(null)
    clearSession()
    session.loaded = false
  })

  it('redirects an anonymous visitor to /login?redirect=…', async () => {
    session.loaded = false
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'UNAUTHENTICATED')),
    )
    const router = makeRouter()
    await router.push('/filings')
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.redirect).toBe('/filings')
  })

  it('lets the public list through without a session', async () => {
    session.loaded = false
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'UNAUTHENTICATED')),
    )
    const router = makeRouter()
    await router.push('/public/filings')
    expect(router.currentRoute.value.path).toBe('/public/filings')
  })

  it('sends the user to the login page when the session expires during work', async () => {
    setUser({
      id: 'u',
      username: 'changchun',
      displayName: '长春市卫健委',
      role: 'CITY_AUTHORITY',
      institutionId: null,
      personId: null,
      regionCode: '220100',
      roleLabel: '角色',
      mustChangePassword: false,
    })
    const router = makeRouter()
    await router.push('/filings')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'UNAUTHENTICATED')),
    )
    await request('GET', '/api/filings').catch(() => undefined)
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'))
    expect(router.currentRoute.value.query.redirect).toBe('/filings')
    expect(session.user).toBeNull()
  })

  it('sends the user to /password on 403 PASSWORD_CHANGE_REQUIRED', async () => {
    setUser({
      id: 'u',
      username: 'new-clerk',
      displayName: '新用户',
      role: 'HOSPITAL_CLERK',
      institutionId: 'i',
      personId: null,
      regionCode: '220102',
      roleLabel: '角色',
      mustChangePassword: false,
    })
    const router = makeRouter()
    await router.push('/filings')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(403, 'PASSWORD_CHANGE_REQUIRED')),
    )
    await request('GET', '/api/filings').catch(() => undefined)
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/password'))
    expect(session.user?.mustChangePassword).toBe(true)
  })
})
