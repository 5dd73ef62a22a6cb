import { ElMessageBox } from 'element-plus'
import { ApiError, showError } from '@/api'
import { describeProblem } from '@/api/http'

/**
 * After a failed save: a stale edit (409 STALE_EDIT — someone else changed the record since it was read) shows who
 * changed which fields and offers to reload the record; any other problem is shown as usual. Returns whether the
 * user chose to reload.
 */
export async function handleSaveError(error: unknown, reload: () => void): Promise<boolean> {
  if (!(error instanceof ApiError) || error.code !== 'STALE_EDIT') {
    showError(error)
    return false
  }
  const { summary, fields } = describeProblem(error.problem)
  try {
    await ElMessageBox.confirm(
      fields.length ? `${summary}（${fields.join('；')}）` : summary,
      '记录已被他人修改',
      { confirmButtonText: '重新加载', cancelButtonText: '暂不加载', type: 'warning' },
    )
  } catch {
    return false
  }
  reload()
  return true
}
