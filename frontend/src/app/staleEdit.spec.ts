import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api'

const confirm = vi.fn()
const message = vi.fn()
vi.mock('element-plus', () => ({
  ElMessageBox: { confirm: (...args: unknown[]) => confirm(...args) },
  ElMessage: (...args: unknown[]) => message(...args),
}))

const { handleSaveError } = await import('./staleEdit')

const stale = new ApiError({
  status: 409,
  code: 'STALE_EDIT',
  title: '记录已被他人修改',
  detail: '该医疗机构已被他人修改：您读取的是第 3 版，当前为第 4 版（长春市卫生健康委员会 修改）',
  errors: [{ field: 'departments', message: '已被他人修改' }],
})

describe('handleSaveError', () => {
  beforeEach(() => {
    confirm.mockReset()
    message.mockReset()
  })

  it('says who changed which fields and reloads when the user agrees', async () => {
    confirm.mockResolvedValue('confirm')
    const reload = vi.fn()
    expect(await handleSaveError(stale, reload)).toBe(true)
    expect(confirm.mock.calls[0][0]).toContain('长春市卫生健康委员会')
    expect(confirm.mock.calls[0][0]).toContain('科室：已被他人修改')
    expect(confirm.mock.calls[0][2].confirmButtonText).toBe('重新加载')
    expect(reload).toHaveBeenCalledOnce()
  })

  it('keeps the edits when the user declines, and shows other problems as usual', async () => {
    confirm.mockRejectedValue('cancel')
    const reload = vi.fn()
    expect(await handleSaveError(stale, reload)).toBe(false)
    expect(reload).not.toHaveBeenCalled()
    await handleSaveError(
      new ApiError({ status: 422, code: 'INVALID_PERSON', detail: '人员信息有误' }),
      reload,
    )
    expect(confirm).toHaveBeenCalledOnce()
    expect(message).toHaveBeenCalledOnce()
  })
})
