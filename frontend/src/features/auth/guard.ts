import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router'
import { ElMessage } from 'element-plus'
import { onAuthFailure } from '@/api/http'
import type { CurrentUser, UserRole } from '@/api/types'
import { clearSession, ensureSession, session } from './session'

/** Only same-application paths are accepted as redirect targets (no open redirects). */
export function safeRedirect(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback
  if (value.startsWith('/login') || value.startsWith('/password')) return fallback
  return value
}

/** The first page of a user after login. */
export function homeFor(user: CurrentUser): string {
  switch (user.role) {
    case 'SYSTEM_ADMIN':
      return '/users'
    default:
      return '/'
  }
}

/** Decides a navigation: login required, forced password change, role restriction. */
export function decide(to: RouteLocationNormalized, user: CurrentUser | null): true | RouteLocationRaw {
  if (to.meta.public) return true
  if (!user) return { path: '/login', query: { redirect: to.fullPath } }
  if (user.mustChangePassword && to.name !== 'password') {
    return { path: '/password', query: { redirect: to.fullPath } }
  }
  const roles = to.meta.roles as UserRole[] | undefined
  if (roles && !roles.includes(user.role)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
}

export function installAuthGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.name === 'login') {
      // already logged in: skip the login form
      const user = session.loaded ? session.user : await ensureSession()
      return user && !user.mustChangePassword ? safeRedirect(to.query.redirect, homeFor(user)) : true
    }
    if (to.meta.public) return true
    return decide(to, await ensureSession())
  })

  onAuthFailure((kind) => {
    const current = router.currentRoute.value
    if (kind === 'UNAUTHENTICATED') {
      const hadUser = session.user !== null
      clearSession()
      if (current.meta.public) return false
      if (hadUser) ElMessage({ type: 'warning', message: '登录已过期，请重新登录' })
      void router.replace({ path: '/login', query: { redirect: current.fullPath } })
      return true
    }
    if (session.user) session.user.mustChangePassword = true
    if (current.name !== 'password') {
      void router.replace({ path: '/password', query: { redirect: current.fullPath } })
    }
    return true
  })
}
