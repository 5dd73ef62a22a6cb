import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const messages: string[] = []
vi.mock('element-plus', () => ({
  ElMessage: vi.fn((options: { message: unknown }) => {
    messages.push(typeof options.message === 'string' ? options.message : 'vnode')
  }),
}))

import { ApiError, XSRF_HEADER, onAuthFailure, readXsrfToken, request } from './http'
import { authApi } from './index'

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

function headersOf(fetchMock: { mock: { calls: unknown[][] } }, call = 0): Record<string, string> {
  return (fetchMock.mock.calls[call][1] as RequestInit).headers as Record<string, string>
}

describe('CSRF token', () => {
  beforeEach(() => {
    messages.length = 0
    document.cookie = 'JSESSIONID=abc; path=/'
    document.cookie = 'XSRF-TOKEN=tok%2Den-123; path=/'
  })
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
    onAuthFailure(null)
  })

  it('reads the XSRF-TOKEN cookie among others', () => {
    expect(readXsrfToken('a=1; XSRF-TOKEN=x%20y; b=2')).toBe('x y')
    expect(readXsrfToken('a=1')).toBeUndefined()
  })

  it('sends X-XSRF-TOKEN on POST, PUT and DELETE but not on GET', async () => {
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () => json({}))
    vi.stubGlobal('fetch', fetchMock)
    await request('GET', '/api/filings')
    await request('POST', '/api/filings', { body: { technology: 'S03' } })
    await request('PUT', '/api/people/1', { body: {} })
    await request('DELETE', '/api/x')
    expect(headersOf(fetchMock, 0)[XSRF_HEADER]).toBeUndefined()
    expect(headersOf(fetchMock, 1)[XSRF_HEADER]).toBe('tok-en-123')
    expect(headersOf(fetchMock, 2)[XSRF_HEADER]).toBe('tok-en-123')
    expect(headersOf(fetchMock, 3)[XSRF_HEADER]).toBe('tok-en-123')
    expect(fetchMock.mock.calls[1][1]?.credentials).toBe('same-origin')
  })

  it('sends the token on logout and password change', async () => {
    const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(
      async () => new Response(null, { status: 204 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    await authApi.logout()
    expect(headersOf(fetchMock)[XSRF_HEADER]).toBe('tok-en-123')
  })
})

describe('session expiry and forced password change', () => {
  beforeEach(() => {
    messages.length = 0
  })
  afterEach(() => onAuthFailure(null))

  it('hands a 401 to the auth handler (redirect to login) instead of showing an error', async () => {
    const handler = vi.fn(() => true)
    onAuthFailure(handler)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { status: 401, code: 'UNAUTHENTICATED', detail: '未登录或会话已过期' },
          401,
          'application/problem+json',
        ),
      ),
    )
    const error = (await request('GET', '/api/filings/inbox').catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(401)
    expect(handler).toHaveBeenCalledWith('UNAUTHENTICATED', '/api/filings/inbox')
    expect(messages).toHaveLength(0)
  })

  it('hands 403 PASSWORD_CHANGE_REQUIRED to the handler, but not an ordinary 403', async () => {
    const handler = vi.fn(() => true)
    onAuthFailure(handler)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { status: 403, code: 'PASSWORD_CHANGE_REQUIRED', detail: '请先修改密码' },
          403,
          'application/problem+json',
        ),
      ),
    )
    await expect(request('GET', '/api/filings')).rejects.toBeInstanceOf(ApiError)
    expect(handler).toHaveBeenCalledWith('PASSWORD_CHANGE_REQUIRED', '/api/filings')

    handler.mockClear()
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { status: 403, code: 'FORBIDDEN', detail: '不能访问其他医疗机构' },
          403,
          'application/problem+json',
        ),
      ),
    )
    await expect(request('GET', '/api/filings/x')).rejects.toBeInstanceOf(ApiError)
    expect(handler).not.toHaveBeenCalled()
    expect(messages).toHaveLength(1)
  })

  it('lets the login endpoint report a wrong password itself', async () => {
    const handler = vi.fn(() => true)
    onAuthFailure(handler)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { status: 401, code: 'LOGIN_FAILED', detail: '用户名或密码错误' },
          401,
          'application/problem+json',
        ),
      ),
    )
    const error = (await authApi.login({ username: 'x', password: 'y' }).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('LOGIN_FAILED')
    expect(handler).not.toHaveBeenCalled()
    expect(messages).toHaveLength(0)
  })
})
