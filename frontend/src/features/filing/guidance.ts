import type { Filing } from '@/api/types'

/** One step of the filing's route, as the step bar (el-steps) shows it. */
export interface RouteStep {
  title: string
  description: string
  status: 'wait' | 'process' | 'finish' | 'error' | 'success'
}

type RouteFiling = Pick<
  Filing,
  'state' | 'path' | 'holderRegionCode' | 'receivingRegionName' | 'reviewRegionName' | 'stateLabel'
> &
  Partial<Pick<Filing, 'pathAuthorities' | 'origin'>>

const PREPARING = ['DRAFT', 'SELF_ASSESSED', 'RETURNED_FOR_SUPPLEMENT']

/**
 * The steps of a filing's actual route: 起草自评 → 提交 → each authority on its path (the receiving
 * authority receives, those above it review what was escalated) → 专家审查 → 审查决定 → 备案有效, with
 * where the filing is now. A provincial technology reviewed where it was received has one authority; a
 * national one filed with a county has three.
 */
export function routeSteps(filing: RouteFiling): RouteStep[] {
  const path = filing.path ?? []
  const names = path.map((code, i) => filing.pathAuthorities?.[i] ?? code)
  const titles: { title: string; description: string }[] = [
    { title: '起草与自评', description: '自评、确认条款、委员会意见' },
    { title: '提交备案', description: names[0] ? `提交至${names[0]}` : '提交至受理机关' },
  ]
  names.forEach((name, i) =>
    titles.push({
      title: name,
      description:
        i === 0
          ? path.length === 1
            ? '受理'
            : '受理并逐级上报'
          : i === path.length - 1
            ? '审核'
            : '审核并上报',
    }),
  )
  titles.push({ title: '专家审查', description: '评审专家提出意见' })
  titles.push({ title: '审查决定', description: path.length > 1 ? '审查结果逐级下达' : '作出审查决定' })
  titles.push({ title: '备案有效', description: '许可证副本注明' })

  const firstAuthority = 2
  const expert = firstAuthority + names.length
  const decision = expert + 1
  const active = decision + 1
  let current: number
  let status: RouteStep['status'] = 'process'
  let note: string | null = null
  const holderIndex = filing.holderRegionCode ? path.indexOf(filing.holderRegionCode) : -1
  switch (filing.state) {
    case 'DRAFT':
    case 'SELF_ASSESSED':
      current = 0
      break
    case 'RETURNED_FOR_SUPPLEMENT':
      current = 0
      status = 'error'
      note = '退回补充，请补充后重新提交'
      break
    case 'SUBMITTED':
      current = firstAuthority
      note = '待受理'
      break
    case 'RECEIVED':
    case 'ESCALATED':
      current = firstAuthority + Math.max(holderIndex, 0)
      break
    case 'UNDER_EXPERT_REVIEW':
      current = expert
      break
    case 'APPROVED':
    case 'RESULT_NOTIFIED':
      current = active
      note = holderIndex >= 0 ? `审查通过，结果下达至${names[holderIndex]}` : '审查通过'
      break
    case 'REJECTED':
      current = decision
      status = 'error'
      note = '不予备案'
      break
    case 'ACTIVE':
      current = titles.length
      break
    case 'SUSPENDED':
    case 'REVOKED':
      current = active
      status = 'error'
      note = filing.stateLabel
      break
    default:
      current = 0
  }
  if (filing.origin === 'PRIOR_REGISTRATION' && !PREPARING.includes(filing.state)) {
    // a paper approval registered on the platform: nothing before it happened here
    current = Math.max(current, active)
  }
  return titles.map((t, i) => ({
    title: t.title,
    description: i === current && note ? note : t.description,
    status: i < current ? 'finish' : i === current ? status : 'wait',
  }))
}

/** 12月14日 from 2026-12-14. */
export function monthDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${Number(m[1])}月${Number(m[2])}日` : iso
}

/** What the toast says after a step, from the server's answer (the authority now holding it and its deadline). */
export function toastFor(command: string, label: string, filing: Filing): string {
  const authority = filing.holderAuthorityName ?? filing.holderRegionName ?? ''
  const due = filing.actionDueOn ? `，办理时限至 ${monthDay(filing.actionDueOn)}` : ''
  switch (command) {
    case 'submit':
      return `已提交至${authority || '受理机关'}${due}`
    case 'withdraw':
      return `已撤回提交，备案回到“${filing.stateLabel}”，可修改后重新提交`
    case 'receive':
      return `已受理${due}`
    case 'escalate':
      return `已上报至${authority}${due}`
    case 'expert-review':
      return `已组织专家审查${due}`
    case 'expert-opinions':
      return '专家意见已提交'
    case 'expert-replacement':
      return `已更换评审专家${due}`
    case 'notify-result':
      return `审查结果已下达至${authority}${due}`
    case 'decision':
      return `已作出审查决定：${filing.stateLabel}`
    case 'self-assessment':
      return filing.pendingAttestations?.length
        ? `自评已完成，尚有 ${filing.pendingAttestations.length} 项条款待确认`
        : '自评已完成'
    default:
      return `${label}：已完成，当前状态“${filing.stateLabel}”`
  }
}

/** The warning to confirm before submitting a self-assessment whose verdict is 不符合; null when none. */
export function submitWarning(filing: Pick<Filing, 'assessment'>): string | null {
  const assessment = filing.assessment
  if (!assessment || assessment.status !== 'NOT_MET') return null
  return `自评结论为“${assessment.statusLabel || '不符合'}”：本机构尚有条款不符合管理规范。提交后由卫生健康行政部门和评审专家审查，可能被退回补充或不予备案。确定仍要提交吗？`
}
