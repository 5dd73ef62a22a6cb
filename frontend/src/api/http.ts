import { h } from 'vue'
import { ElMessage } from 'element-plus'
import { fieldLabel } from './fieldLabels'

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
  422: '数据校验未通过',
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
  const fields = (problem.errors ?? []).map((e) =>
    e.field ? `${fieldLabel(e.field)}：${e.message}` : e.message,
  )
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

/** Performs one API call; on failure shows the problem (unless silent) and throws ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, signal: options.signal })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    const error = new ApiError({ status: 0, title: '网络错误', detail: '无法连接服务器，请检查网络后重试' })
    if (!options.silent) showError(error)
    throw error
  }
  if (!response.ok) {
    const error = new ApiError(await problemFromResponse(response))
    if (!options.silent) showError(error)
    throw error
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
}
