import { beforeEach, describe, expect, it, vi } from 'vitest'

const messages: { type: string; text: string }[] = []

vi.mock('element-plus', () => ({
  ElMessage: vi.fn((options: { type: string; message: unknown }) => {
    messages.push({ type: options.type, text: vnodeText(options.message) })
  }),
}))

function vnodeText(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return ''
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  if (Array.isArray(node)) return node.map(vnodeText).join('\n')
  const children = (node as { children?: unknown }).children
  return vnodeText(children)
}

import { ApiError, describeProblem, fetchFile, onAuthFailure, problemFromResponse, request } from './http'
import { fieldLabel } from './fieldLabels'

function problemResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

const validationProblem = {
  type: 'https://rtms.cn/problems/validation-failed',
  title: 'Bad Request',
  status: 400,
  detail: '人员信息校验未通过',
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'titles[1].since', message: '不能早于执业证书发证日期' },
    { field: 'trainings[0].cases', message: '不能为负数' },
  ],
}

describe('problemFromResponse', () => {
  it('reads an RFC 9457 problem detail with field errors', async () => {
    const problem = await problemFromResponse(problemResponse(400, validationProblem))
    expect(problem.detail).toBe('人员信息校验未通过')
    expect(problem.code).toBe('VALIDATION_FAILED')
    expect(problem.errors).toHaveLength(2)
  })

  it('synthesises a Chinese problem when the body is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    })
    const problem = await problemFromResponse(response)
    expect(problem.status).toBe(502)
    expect(problem.title).toBe('服务暂时不可用')
    expect(problem.detail).toBeUndefined()
  })

  it('keeps the HTTP status when the problem omits it', async () => {
    const problem = await problemFromResponse(
      problemResponse(404, { detail: '未找到医疗机构', code: 'INSTITUTION_NOT_FOUND' }),
    )
    expect(problem.status).toBe(404)
    expect(problem.errors).toEqual([])
  })
})

describe('describeProblem', () => {
  it('prefers detail and lists field errors with Chinese field names', () => {
    const { summary, fields } = describeProblem(validationProblem)
    expect(summary).toBe('人员信息校验未通过')
    expect(fields).toEqual([
      '职称第 2 条·取得日期：不能早于执业证书发证日期',
      '培训记录第 1 条·例数：不能为负数',
    ])
  })

  it('leaves out field keys it has no Chinese name for, and messages the detail already says', () => {
    const { fields } = describeProblem({
      detail: '随访记录有误：随访日期不能晚于今天（2026-12-03）',
      errors: [
        { field: 'performedOn', message: '随访日期不能晚于今天' },
        { field: 'personId', message: '医师账号必须关联本院人员档案' },
      ],
    })
    expect(fields).toEqual(['医师账号必须关联本院人员档案'])
    expect(fields.join()).not.toMatch(/[A-Za-z]/)
  })

  it('falls back to the title', () => {
    expect(describeProblem({ title: '请求失败（HTTP 418）' }).summary).toBe('请求失败（HTTP 418）')
  })
})

describe('fieldLabel', () => {
  it('translates nested paths and keeps unknown segments', () => {
    expect(fieldLabel('licence.issuedOn')).toBe('执业许可证·发证日期')
    expect(fieldLabel('departments[0].beds')).toBe('科室第 1 条·床位')
    expect(fieldLabel('somethingElse')).toBe('somethingElse')
  })
})

describe('request', () => {
  beforeEach(() => {
    messages.length = 0
  })

  it('returns the parsed body on success', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      new Response(JSON.stringify([{ code: 'G08' }]), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const body = await request<{ code: string }[]>('GET', '/api/technologies', {
      query: { q: '消融', empty: '' },
    })
    expect(body[0].code).toBe('G08')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/technologies?q=%E6%B6%88%E8%9E%8D')
    expect(messages).toHaveLength(0)
  })

  it('throws ApiError and shows detail and field errors in an error message', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problemResponse(400, validationProblem)))
    const error = await request('PUT', '/api/people/1', { body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.code).toBe('VALIDATION_FAILED')
    expect(apiError.fieldErrorMap()).toEqual({
      'titles[1].since': '不能早于执业证书发证日期',
      'trainings[0].cases': '不能为负数',
    })
    expect(messages).toHaveLength(1)
    expect(messages[0].type).toBe('error')
    expect(messages[0].text).toContain('人员信息校验未通过')
    expect(messages[0].text).toContain('职称第 2 条·取得日期：不能早于执业证书发证日期')
  })

  it('does not show a message when silent', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(problemResponse(404, { status: 404, detail: '未找到' })))
    await expect(request('GET', '/api/x', { silent: true })).rejects.toBeInstanceOf(ApiError)
    expect(messages).toHaveLength(0)
  })

  it('turns a network failure into a Chinese problem', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const error = (await request('GET', '/api/x').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
    expect(messages[0].text).toContain('无法连接服务器')
  })
})

describe('fetchFile (downloads)', () => {
  beforeEach(() => {
    messages.length = 0
    onAuthFailure(null)
  })

  it('shows a lost network in Chinese instead of failing silently', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const error = await fetchFile('/api/case-exports/provincial', { format: 'xlsx' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(0)
    expect(messages).toHaveLength(1)
    expect(messages[0].text).toContain('无法连接服务器')
  })

  it('hands a lost session over to the login page like any other call', async () => {
    const handed: string[] = []
    onAuthFailure((kind, path) => {
      handed.push(`${kind} ${path}`)
      return true
    })
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(problemResponse(401, { status: 401, title: '未登录', detail: '请先登录' })),
    )
    const error = await fetchFile('/api/follow-ups/export.xlsx', { status: 'OVERDUE' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(handed).toEqual(['UNAUTHENTICATED /api/follow-ups/export.xlsx'])
    expect(messages).toHaveLength(0)
    onAuthFailure(null)
  })
})
