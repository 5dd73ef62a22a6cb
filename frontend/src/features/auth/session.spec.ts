import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { ApiError } from '@/api/http'
import type { CurrentUser } from '@/api/types'
import { decide, homeFor, safeRedirect } from './guard'
import { menuFor, scopeLabel } from './roles'
import {
  changePassword,
  clearSession,
  login,
  loginErrorMessage,
  passwordPolicyError,
  session,
} from './session'

const clerk: CurrentUser = {
  id: 'u1',
  username: 'ccszx-clerk',
  displayName: '长春市中心医院医务科',
  role: 'HOSPITAL_CLERK',
  roleLabel: '医务科',
  institutionId: 'i1',
  institutionName: '长春市中心医院',
  personId: null,
  regionCode: '220102',
  regionName: '南关区',
  mustChangePassword: false,
}

function route(partial: Partial<RouteLocationNormalized>): RouteLocationNormalized {
  return {
    name: 'x',
    path: '/x',
    fullPath: '/x',
    meta: {},
    query: {},
    params: {},
    ...partial,
  } as RouteLocationNormalized
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
  })
}

describe('router guard decisions', () => {
  it('lets anyone see public pages', () => {
    expect(decide(route({ meta: { public: true } }), null)).toBe(true)
  })

  it('sends an anonymous visitor to the login page with the page as redirect', () => {
    expect(decide(route({ fullPath: '/filings/42?x=1' }), null)).toEqual({
      path: '/login',
      query: { redirect: '/filings/42?x=1' },
    })
  })

  it('forces the password change before anything else', () => {
    const user = { ...clerk, mustChangePassword: true }
    expect(decide(route({ fullPath: '/filings' }), user)).toEqual({
      path: '/password',
      query: { redirect: '/filings' },
    })
    expect(decide(route({ name: 'password', fullPath: '/password' }), user)).toBe(true)
  })

  it('refuses pages of other roles', () => {
    const result = decide(route({ fullPath: '/users', meta: { roles: ['SYSTEM_ADMIN'] } }), clerk)
    expect(result).toEqual({ name: 'forbidden', query: { from: '/users' } })
    expect(decide(route({ meta: { roles: ['HOSPITAL_CLERK'] } }), clerk)).toBe(true)
  })

  it('accepts only in-app redirect targets', () => {
    expect(safeRedirect('/filings/1')).toBe('/filings/1')
    expect(safeRedirect('//evil.example/x')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect('/login?redirect=/x')).toBe('/')
    expect(safeRedirect(undefined, '/inbox')).toBe('/inbox')
  })

  it('starts experts and physicians on their own home page (工作台)', () => {
    expect(homeFor({ ...clerk, role: 'EXPERT' })).toBe('/')
    expect(homeFor({ ...clerk, role: 'PHYSICIAN' })).toBe('/')
    expect(decide(route({ name: 'dashboard', path: '/' }), { ...clerk, role: 'EXPERT' })).toBe(true)
    expect(decide(route({ name: 'dashboard', path: '/' }), { ...clerk, role: 'PHYSICIAN' })).toBe(true)
  })
})

describe('menu and header per role', () => {
  it('gives hospital users their institution, people, filings, authorizations and reminders', () => {
    const titles = menuFor(clerk).map((i) => i.title)
    expect(titles).toEqual(expect.arrayContaining(['本机构', '人员', '备案', '技术授权', '到期提醒']))
    expect(menuFor(clerk).find((i) => i.title === '本机构')?.index).toBe('/institutions/i1')
    expect(titles).not.toContain('用户管理')
    expect(titles).not.toContain('本院账号管理')
    expect(scopeLabel(clerk)).toBe('长春市中心医院')
    const hospitalAdmin = menuFor({ ...clerk, role: 'HOSPITAL_ADMIN' })
    expect(hospitalAdmin.map((i) => i.title)).toContain('本院账号管理')
    expect(hospitalAdmin.find((i) => i.title === '本院账号管理')?.index).toBe('/institution-accounts')
  })

  it('gives authorities the inbox, institutions in region, public list and revocation proposals', () => {
    const city: CurrentUser = {
      ...clerk,
      role: 'CITY_AUTHORITY',
      institutionId: null,
      regionCode: '220100',
      regionName: '长春市',
    }
    const titles = menuFor(city).map((i) => i.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        '备案待办',
        '辖区医疗机构',
        '备案公示',
        '撤销建议',
        '下级账号与专家库',
        '审核注册申请',
      ]),
    )
    expect(scopeLabel(city)).toBe('长春市')
    // a county authority runs no accounts (docs/experts.md)
    expect(
      menuFor({ ...city, role: 'COUNTY_AUTHORITY', regionCode: '220102' }).map((i) => i.title),
    ).not.toContain('下级账号与专家库')
    // the province reads the audit trail (the server allows it the system administrator's list); cities do not
    expect(titles).not.toContain('审计日志')
    expect(
      menuFor({ ...city, role: 'PROVINCE_AUTHORITY', regionCode: '220000' }).find(
        (i) => i.title === '审计日志',
      )?.index,
    ).toBe('/audit')
  })

  it('gives experts their home page, the review inboxes for filings and training bases (and the catalogue); admins users and audit', () => {
    expect(menuFor({ ...clerk, role: 'EXPERT' }).map((i) => i.title)).toEqual([
      '工作台',
      '评审待办',
      '培训基地评审',
      '技术目录',
      '版本对比',
    ])
    const admin = menuFor({ ...clerk, role: 'SYSTEM_ADMIN' }).map((i) => i.title)
    expect(admin).toEqual(expect.arrayContaining(['用户管理', '专家库', '审计日志', '审核注册申请']))
    expect(admin).not.toContain('本院账号管理')
  })
})

describe('login and password change', () => {
  beforeEach(() => clearSession())
  afterEach(() => clearSession())

  it('shows the lockout with its unlock time', () => {
    const locked = new ApiError({
      status: 423,
      code: 'ACCOUNT_LOCKED',
      detail: '连续 5 次登录失败，账号已锁定至 2026-11-22 14:35（北京时间），请稍后再试或联系系统管理员解锁',
      lockedUntil: '2026-11-22T06:35:00Z',
    })
    expect(loginErrorMessage(locked)).toContain('2026-11-22 14:35')
    const bare = new ApiError({ status: 423, code: 'ACCOUNT_LOCKED', lockedUntil: '2026-11-22T06:35:00Z' })
    expect(loginErrorMessage(bare)).toMatch(/账号已锁定.*请于 2026-11-22 \d\d:35 后再试/)
    expect(loginErrorMessage(new ApiError({ status: 401, code: 'LOGIN_FAILED' }))).toBe('用户名或密码错误')
  })

  it('checks the password policy like the backend', () => {
    expect(passwordPolicyError('Short1!', 'x')).toBe('密码至少 8 位')
    expect(passwordPolicyError('alllowercase1', 'x')).toContain('至少三类')
    expect(passwordPolicyError('Ccszx-clerk1', 'ccszx-clerk1')).toBe('密码不能与用户名相同')
    expect(passwordPolicyError('Rtms@2027', 'ccszx-clerk')).toBeNull()
  })

  it('logs in a user who must change the password, then clears the flag after the change', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/login') return json({ ...clerk, mustChangePassword: true })
      if (url === '/api/auth/password') {
        const body = JSON.parse(String(init?.body)) as { oldPassword: string; newPassword: string }
        if (body.oldPassword !== 'Init@2026') {
          return json({ status: 422, code: 'WRONG_OLD_PASSWORD', detail: '原密码不正确' }, 422)
        }
        return json({ ...clerk, mustChangePassword: false })
      }
      return json({}, 404)
    })
    vi.stubGlobal('fetch', fetchMock)
    const user = await login(' ccszx-clerk ', 'Init@2026')
    expect(user.mustChangePassword).toBe(true)
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      username: 'ccszx-clerk',
      password: 'Init@2026',
    })
    expect(decide(route({ fullPath: '/filings' }), session.user)).toMatchObject({ path: '/password' })

    const wrong = await changePassword('nope', 'Rtms@2027').catch((e: unknown) => e)
    expect((wrong as ApiError).code).toBe('WRONG_OLD_PASSWORD')
    expect(session.user?.mustChangePassword).toBe(true)

    await changePassword('Init@2026', 'Rtms@2027')
    expect(session.user?.mustChangePassword).toBe(false)
    expect(decide(route({ fullPath: '/filings' }), session.user)).toBe(true)
  })
})
