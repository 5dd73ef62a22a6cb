import { h } from 'vue'
import { ElMessage } from 'element-plus'
import { knownFieldLabel } from './fieldLabels'

/** One entry of `errors[]` in a problem detail. */
export interface FieldError {
  field: string
  message: string
}

/** RFC 9457 problem detail as the backend sends it (application/problem+json). */
export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  code?: string
  errors?: FieldError[]
  /** Extension members (e.g. the unlock time of a locked account). */
  [extension: string]: unknown
}

/** Thrown by every API call that did not succeed; carries the (possibly synthesised) problem detail. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemDetail

  constructor(problem: ProblemDetail) {
    super(problem.detail || problem.title || '请求失败')
    this.name = 'ApiError'
    this.status = problem.status ?? 0
    this.problem = problem
  }

  get code(): string | undefined {
    return this.problem.code
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? []
  }

  /** Field errors as a map field path → message (first message wins). */
  fieldErrorMap(): Record<string, string> {
    const map: Record<string, string> = {}
    for (const e of this.fieldErrors) {
      if (e.field && !(e.field in map)) map[e.field] = e.message
    }
    return map
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: '请求参数有误',
  401: '未登录或登录已过期',
  403: '没有权限执行此操作',
  404: '请求的资源不存在',
  409: '数据冲突，请刷新后重试',
  413: '文件过大',
  415: '不支持的文件类型',
  422: '数据校验未通过',
  423: '账号已锁定',
  500: '服务器内部错误',
  502: '服务暂时不可用',
  503: '服务暂时不可用',
  504: '服务响应超时',
}

function isProblemContentType(contentType: string | null): boolean {
  if (!contentType) return false
  return contentType.includes('application/problem+json') || contentType.includes('application/json')
}

/** Reads the problem detail from an unsuccessful response; synthesises one when the body is not a problem. */
export async function problemFromResponse(response: Response): Promise<ProblemDetail> {
  const fallback: ProblemDetail = {
    status: response.status,
    title: STATUS_TEXT[response.status] ?? `请求失败（HTTP ${response.status}）`,
  }
  if (!isProblemContentType(response.headers.get('content-type'))) return fallback
  try {
    const body: unknown = await response.json()
    if (body && typeof body === 'object') {
      const p = body as ProblemDetail
      return {
        ...p,
        status: p.status ?? response.status,
        title: p.title ?? fallback.title,
        errors: Array.isArray(p.errors) ? p.errors : [],
      }
    }
  } catch {
    // body is not JSON; use the fallback
  }
  return fallback
}

/** The lines shown to the user for a problem: the detail (or title), then one line per field error. */
export function describeProblem(problem: ProblemDetail): { summary: string; fields: string[] } {
  const summary = problem.detail || problem.title || '请求失败'
  const fields = (problem.errors ?? [])
    // a field's message the detail already says is not repeated
    .filter((e) => !(summary.includes(e.message) && !knownFieldLabel(e.field)))
    .map((e) => {
      const label = knownFieldLabel(e.field)
      return label ? `${label}：${e.message}` : e.message
    })
  return { summary, fields }
}

/** Shows an Element Plus error message for a failed call. */
export function showError(error: unknown): void {
  const problem: ProblemDetail =
    error instanceof ApiError
      ? error.problem
      : { detail: error instanceof Error ? error.message : String(error), title: '操作失败' }
  const { summary, fields } = describeProblem(problem)
  ElMessage({
    type: 'error',
    showClose: true,
    duration: fields.length ? 8000 : 5000,
    message: h('div', { class: 'problem-message' }, [
      h('div', { class: 'problem-summary' }, summary),
      fields.length
        ? h(
            'ul',
            { class: 'problem-fields' },
            fields.map((f) => h('li', f)),
          )
        : null,
    ]),
  })
}

export type Query = Record<string, string | number | boolean | null | undefined>

/** Name of the cookie the backend sets with the CSRF token, and of the header it expects it back in. */
export const XSRF_COOKIE = 'XSRF-TOKEN'
export const XSRF_HEADER = 'X-XSRF-TOKEN'

/** Reads the CSRF token from document.cookie (undefined when absent). */
export function readXsrfToken(
  cookies: string = typeof document === 'undefined' ? '' : document.cookie,
): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === XSRF_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

/** True for methods that change state and therefore carry the CSRF header. */
export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method.toUpperCase())
}

/**
 * What the application does when the session is gone (401) or the password must be changed first
 * (403 PASSWORD_CHANGE_REQUIRED). Registered by the auth feature; returns true when it took over (e.g.
 * redirected to the login page), in which case no error message is shown.
 */
export interface AuthFailureHandler {
  (kind: 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED', path: string): boolean
}

let authFailureHandler: AuthFailureHandler | null = null

export function onAuthFailure(handler: AuthFailureHandler | null): void {
  authFailureHandler = handler
}

/** Auth endpoints report their own failures (wrong password, locked account) to the caller. */
function isAuthEndpoint(path: string): boolean {
  return path.startsWith('/api/auth/')
}

/** Gives the registered handler a chance to take over a 401 / password-change 403; true when it did. */
export function handleAuthFailure(error: ApiError, path: string): boolean {
  if (!authFailureHandler || isAuthEndpoint(path)) return false
  if (error.status === 401) return authFailureHandler('UNAUTHENTICATED', path)
  if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    return authFailureHandler('PASSWORD_CHANGE_REQUIRED', path)
  }
  return false
}

/** Headers common to every API call: Accept, and the CSRF token on state-changing methods. */
export function baseHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (isUnsafeMethod(method)) {
    const token = readXsrfToken()
    if (token) headers[XSRF_HEADER] = token
  }
  return headers
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not show an error message; the caller handles the ApiError. */
  silent?: boolean
  signal?: AbortSignal
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/**
 * Fetches a file to download (GET) as request() makes a call: a network failure and a
 * problem answer are shown (a lost session hands over to the login page) and thrown as
 * ApiError; the Response when it is ok.
 */
export async function fetchFile(
  path: string,
  query?: Query,
  headers: Record<string, string> = {},
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin', headers })
  } catch {
    const error = new ApiError({ status: 0, title: '网络错误', detail: '无法连接服务器，请检查网络后重试' })
    showError(error)
    throw error
  }
  if (!response.ok) {
    const error = new ApiError(await problemFromResponse(response))
    if (!handleAuthFailure(error, path)) showError(error)
    throw error
  }
  return response
}

/** Performs one API call; on failure shows the problem (unless silent) and throws ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = baseHeaders(method)
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    const error = new ApiError({ status: 0, title: '网络错误', detail: '无法连接服务器，请检查网络后重试' })
    if (!options.silent) showError(error)
    throw error
  }
  if (!response.ok) {
    const error = new ApiError(await problemFromResponse(response))
    const takenOver = handleAuthFailure(error, path)
    if (!options.silent && !takenOver) showError(error)
    throw error
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export interface UploadOptions {
  /** Called with the fraction uploaded so far (0…1). */
  onProgress?: (fraction: number) => void
  silent?: boolean
  /** Name of the multipart field holding the file; `file` unless told. */
  field?: string
  /** Further multipart fields. */
  fields?: Record<string, string>
  /** Multipart fields sent once per value (a list parameter, e.g. `clauseRefs`). */
  repeatedFields?: Record<string, string[]>
  /** Multipart parts sent as JSON (Content-Type application/json), e.g. a request body beside a file. */
  jsonParts?: Record<string, unknown>
}

/**
 * Uploads one file (or, with file null, only the fields) as multipart/form-data through XMLHttpRequest (fetch cannot report upload progress).
 * Errors are handled like request(): problem detail, auth hand-over, error message unless silent.
 */
export function upload<T>(path: string, file: Blob | null, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    for (const [name, value] of Object.entries(baseHeaders('POST'))) xhr.setRequestHeader(name, value)
    xhr.withCredentials = true
    if (options.onProgress && xhr.upload) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total)
      }
    }
    const fail = (error: ApiError) => {
      const takenOver = handleAuthFailure(error, path)
      if (!options.silent && !takenOver) showError(error)
      reject(error)
    }
    xhr.onerror = () =>
      fail(new ApiError({ status: 0, title: '网络错误', detail: '文件上传失败，请检查网络后重试' }))
    xhr.onload = async () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      })
      if (xhr.status < 200 || xhr.status >= 300) {
        fail(new ApiError(await problemFromResponse(response)))
        return
      }
      options.onProgress?.(1)
      resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T)
    }
    const form = new FormData()
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value)
    for (const [name, values] of Object.entries(options.repeatedFields ?? {}))
      for (const value of values) form.append(name, value)
    for (const [name, value] of Object.entries(options.jsonParts ?? {}))
      form.append(name, new Blob([JSON.stringify(value)], { type: 'application/json' }))
    if (file) form.append(options.field ?? 'file', file, file instanceof File ? file.name : 'upload')
    xhr.send(form)
  })
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}
