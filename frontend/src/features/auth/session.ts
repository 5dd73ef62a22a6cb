import { reactive } from 'vue'
import { formatDateTime } from '@/app/dates'
import { ApiError, authApi } from '@/api'
import type { CurrentUser } from '@/api/types'

/** The logged-in user, shared by the whole application. `loaded` once /api/auth/me has answered. */
export const session = reactive<{ user: CurrentUser | null; loaded: boolean }>({ user: null, loaded: false })

let pending: Promise<CurrentUser | null> | null = null

/** The current user, asking the backend once per page load; null when nobody is logged in. */
export function ensureSession(): Promise<CurrentUser | null> {
  if (session.loaded) return Promise.resolve(session.user)
  if (!pending) {
    pending = authApi
      .me()
      .then((user) => {
        setUser(user)
        return user
      })
      .catch((e: unknown) => {
        if (
          e instanceof ApiError &&
          e.status === 403 &&
          e.code === 'PASSWORD_CHANGE_REQUIRED' &&
          session.user
        ) {
          session.user.mustChangePassword = true
          session.loaded = true
          return session.user
        }
        setUser(null)
        return null
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

export function setUser(user: CurrentUser | null): void {
  session.user = user
  session.loaded = true
}

/** Forgets the user locally (after logout or when the session expired). */
export function clearSession(): void {
  setUser(null)
}

export async function login(username: string, password: string): Promise<CurrentUser> {
  const user = await authApi.login({ username: username.trim(), password })
  setUser(user)
  return user
}

export async function logout(): Promise<void> {
  try {
    await authApi.logout()
  } catch {
    // the session may already be gone; logging out locally is enough
  } finally {
    clearSession()
  }
}

/** Changes the password; afterwards the user no longer has to. */
export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  const updated = await authApi.changePassword({ oldPassword, newPassword })
  if (updated && typeof updated === 'object' && 'role' in updated) setUser(updated)
  else if (session.user) session.user.mustChangePassword = false
}

function formatTime(value: string): string {
  return formatDateTime(value) ?? value
}

/** The unlock time a 423 ACCOUNT_LOCKED problem carries, under whichever extension name the backend uses. */
export function lockedUntil(error: ApiError): string | null {
  for (const key of ['lockedUntil', 'unlockAt', 'unlocksAt', 'until', 'lockedUntilTime']) {
    const value = error.problem[key]
    if (typeof value === 'string' && value) return formatTime(value)
  }
  return null
}

/** The Chinese message shown on the login page for a failed login. */
export function loginErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return '登录失败，请稍后重试'
  if (error.status === 423 || error.code === 'ACCOUNT_LOCKED') {
    if (error.problem.detail) return error.problem.detail
    const until = lockedUntil(error)
    if (until) return `账号已锁定（连续 5 次密码错误），请于 ${until} 后再试`
    return '账号已锁定（连续 5 次密码错误），请 15 分钟后再试'
  }
  if (error.status === 401 || error.status === 400) return error.problem.detail || '用户名或密码错误'
  if (error.status === 0) return '无法连接服务器，请检查网络后重试'
  return error.problem.detail || error.problem.title || '登录失败，请稍后重试'
}

/** Password policy of the backend: ≥ 8 characters, 3 of 4 character classes, not the username. */
export function passwordPolicyError(password: string, username: string | undefined): string | null {
  if (password.length < 8) return '密码至少 8 位'
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类'
  if (username && password.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同'
  return null
}
