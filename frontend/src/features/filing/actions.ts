import type { Filing } from '@/api/types'

/** What the dialog of an action asks for. */
export type ActionForm =
  | 'none'
  | 'opinion'
  | 'submit'
  | 'experts'
  | 'expertOpinion'
  | 'replaceExpert'
  | 'decision'
  | 'licenceNote'
  | 'ending'
  | 'text'
  | 'optionalText'
  | 'withdraw'
  | 'delete'

export interface FilingButton {
  /** Key of the button (data-testid `filing-action-<key>`). */
  key: string
  /** The workflow command posted to /api/filings/{id}/{command}. */
  command: string
  label: string
  type: 'primary' | 'success' | 'warning' | 'danger' | 'default'
  form: ActionForm
  /** Fixed body fields (e.g. the decision). */
  preset?: Record<string, string>
  /** Whether the dialog needs a confirmation only. */
  confirm?: string
}

/** Commands done in the hospital's editing panels, not with a button. */
export const PANEL_ACTIONS = ['attestations', 'committee-opinions', 'documents']

/** Normalises an action name from the backend: `EXPERT_REVIEW`, `expertReview` and `expert-review` are the same. */
export function normaliseAction(action: string): string {
  return action
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase()
}

const BUTTONS: Record<string, FilingButton[]> = {
  'self-assessment': [
    {
      key: 'self-assessment',
      command: 'self-assessment',
      label: '自评（冻结评估结果）',
      type: 'default',
      form: 'none',
    },
  ],
  submit: [{ key: 'submit', command: 'submit', label: '提交备案', type: 'primary', form: 'submit' }],
  withdraw: [{ key: 'withdraw', command: 'withdraw', label: '撤回提交', type: 'warning', form: 'withdraw' }],
  delete: [
    {
      key: 'delete',
      command: 'delete',
      label: '删除草稿',
      type: 'danger',
      form: 'delete',
      confirm: '删除后草稿及其上传的材料不可恢复（审计记录保留）。确定删除？',
    },
  ],
  receive: [{ key: 'receive', command: 'receive', label: '受理', type: 'primary', form: 'opinion' }],
  escalate: [{ key: 'escalate', command: 'escalate', label: '逐级上报', type: 'primary', form: 'opinion' }],
  'expert-review': [
    {
      key: 'expert-review',
      command: 'expert-review',
      label: '组织专家审查',
      type: 'primary',
      form: 'experts',
    },
  ],
  'expert-opinions': [
    {
      key: 'expert-opinions',
      command: 'expert-opinions',
      label: '提交专家意见',
      type: 'primary',
      form: 'expertOpinion',
    },
  ],
  'expert-replacement': [
    {
      key: 'expert-replacement',
      command: 'expert-replacement',
      label: '更换评审专家',
      type: 'warning',
      form: 'replaceExpert',
    },
  ],
  decision: [
    {
      key: 'approve',
      command: 'decision',
      label: '审查通过',
      type: 'success',
      form: 'decision',
      preset: { decision: 'APPROVED' },
    },
    {
      key: 'return',
      command: 'decision',
      label: '退回补充',
      type: 'warning',
      form: 'decision',
      preset: { decision: 'RETURNED_FOR_SUPPLEMENT' },
    },
    {
      key: 'reject',
      command: 'decision',
      label: '不予备案',
      type: 'danger',
      form: 'decision',
      preset: { decision: 'REJECTED' },
    },
  ],
  'notify-result': [
    {
      key: 'notify-result',
      command: 'notify-result',
      label: '逐级下达结果',
      type: 'primary',
      form: 'opinion',
    },
  ],
  activate: [
    {
      key: 'activate',
      command: 'activate',
      label: '备注执业许可证并生效',
      type: 'success',
      form: 'licenceNote',
    },
  ],
  'cancellation-request': [
    {
      key: 'cancellation-request',
      command: 'cancellation-request',
      label: '申请注销',
      type: 'warning',
      form: 'text',
    },
  ],
  suspend: [{ key: 'suspend', command: 'suspend', label: '中止', type: 'warning', form: 'ending' }],
  resume: [{ key: 'resume', command: 'resume', label: '恢复', type: 'success', form: 'optionalText' }],
  revoke: [{ key: 'revoke', command: 'revoke', label: '撤销备案', type: 'danger', form: 'ending' }],
  'revocation-proposal/dismiss': [
    {
      key: 'dismiss-proposal',
      command: 'revocation-proposal/dismiss',
      label: '驳回撤销建议',
      type: 'default',
      form: 'text',
    },
  ],
}
BUTTONS['dismiss-revocation-proposal'] = BUTTONS['revocation-proposal/dismiss']
BUTTONS['revocation-proposal-dismiss'] = BUTTONS['revocation-proposal/dismiss']
BUTTONS['dismiss'] = BUTTONS['revocation-proposal/dismiss']

/** The buttons shown on a filing: exactly the server's allowedActions, in workflow order. */
export function filingButtons(filing: Pick<Filing, 'allowedActions'>): FilingButton[] {
  const allowed = new Set((filing.allowedActions ?? []).map(normaliseAction))
  const buttons: FilingButton[] = []
  const seen = new Set<string>()
  for (const [action, list] of Object.entries(BUTTONS)) {
    if (!allowed.has(action)) continue
    for (const b of list) {
      if (seen.has(b.key)) continue
      seen.add(b.key)
      buttons.push(b)
    }
  }
  return buttons
}

/** Whether the current user may use one of the editing panels (attestations, opinions, documents). */
export function canUse(filing: Pick<Filing, 'allowedActions'>, action: string): boolean {
  return (filing.allowedActions ?? []).map(normaliseAction).includes(action)
}

/** The JSON body of a command from the dialog's values. */
export function commandBody(
  button: FilingButton,
  version: number,
  values: {
    opinion?: string
    firstCaseDate?: string | null
    expertIds?: string[]
    replacedId?: string
    verdict?: string
    text?: string
    reasons?: string
    licenceNote?: string
    reason?: string
  },
): Record<string, unknown> {
  const body: Record<string, unknown> = { version, ...(button.preset ?? {}) }
  const trimmed = (v: string | undefined) => (v ?? '').trim()
  switch (button.form) {
    case 'opinion':
      if (trimmed(values.opinion)) body.opinion = trimmed(values.opinion)
      break
    case 'submit':
      body.firstCaseDate = values.firstCaseDate ?? null
      break
    case 'experts':
      body.expertIds = values.expertIds ?? []
      if (trimmed(values.opinion)) body.opinion = trimmed(values.opinion)
      break
    case 'expertOpinion':
      body.verdict = values.verdict
      body.text = trimmed(values.text)
      break
    case 'replaceExpert':
      body.replacedId = values.replacedId
      body.expertId = (values.expertIds ?? [])[0]
      body.reason = trimmed(values.reason)
      break
    case 'decision':
      body.reasons = trimmed(values.reasons)
      break
    case 'licenceNote':
      body.licenceNote = trimmed(values.licenceNote)
      break
    case 'ending':
      body.reason = values.reason
      body.text = trimmed(values.text)
      break
    case 'text':
      body.text = trimmed(values.text)
      break
    case 'optionalText':
      if (trimmed(values.text)) body.text = trimmed(values.text)
      break
    case 'withdraw':
      if (trimmed(values.text)) body.reason = trimmed(values.text)
      break
  }
  return body
}

/** A Chinese message for a dialog that is not filled in enough; null when it can be sent. */
export function missingInput(button: FilingButton, values: Parameters<typeof commandBody>[2]): string | null {
  const blank = (v: string | undefined) => !v || !v.trim()
  switch (button.form) {
    case 'submit':
      return values.firstCaseDate ? null : '请填写首例开展日期'
    case 'experts':
      return values.expertIds && values.expertIds.length ? null : '请至少选择一名评审专家'
    case 'expertOpinion':
      if (!values.verdict) return '请选择评审结论'
      return blank(values.text) ? '请填写评审意见' : null
    case 'replaceExpert':
      if (!values.replacedId) return '请选择被更换的专家'
      if ((values.expertIds ?? []).length !== 1) return '请选择一名新的评审专家'
      return blank(values.reason) ? '请填写更换原因' : null
    case 'decision':
      return blank(values.reasons) ? '请填写审查意见（理由）' : null
    case 'licenceNote':
      return blank(values.licenceNote) ? '请填写执业许可证副本备注内容' : null
    case 'ending':
      if (!values.reason) return '请选择原因'
      return blank(values.text) ? '请填写说明' : null
    case 'text':
      return blank(values.text) ? '请填写说明' : null
    default:
      return null
  }
}
