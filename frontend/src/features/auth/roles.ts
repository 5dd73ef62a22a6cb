import type { CurrentUser, UserRole } from '@/api/types'

export const ROLE_LABELS: Record<UserRole, string> = {
  HOSPITAL_CLERK: '医务科',
  HOSPITAL_ADMIN: '医院管理员',
  PHYSICIAN: '医师',
  COUNTY_AUTHORITY: '县级卫生健康行政部门',
  CITY_AUTHORITY: '市（州）级卫生健康行政部门',
  PROVINCE_AUTHORITY: '省级卫生健康行政部门',
  EXPERT: '评审专家',
  TRAINING_BASE_ADMIN: '培训基地管理员',
  SYSTEM_ADMIN: '系统管理员',
}

export const ALL_ROLES = Object.keys(ROLE_LABELS) as UserRole[]

export const HOSPITAL_ROLES: UserRole[] = ['HOSPITAL_CLERK', 'HOSPITAL_ADMIN']
export const INSTITUTIONAL_ROLES: UserRole[] = [
  'HOSPITAL_CLERK',
  'HOSPITAL_ADMIN',
  'PHYSICIAN',
  'TRAINING_BASE_ADMIN',
]
export const AUTHORITY_ROLES: UserRole[] = ['COUNTY_AUTHORITY', 'CITY_AUTHORITY', 'PROVINCE_AUTHORITY']

export function roleLabel(role: string | null | undefined): string {
  if (!role) return ''
  return ROLE_LABELS[role as UserRole] ?? role
}

export function isAuthority(user: CurrentUser | null | undefined): boolean {
  return !!user && AUTHORITY_ROLES.includes(user.role)
}

export function isHospital(user: CurrentUser | null | undefined): boolean {
  return !!user && HOSPITAL_ROLES.includes(user.role)
}

/** The user's data scope as shown in the header: institution, jurisdiction or nothing. */
export function scopeLabel(user: CurrentUser): string {
  if (INSTITUTIONAL_ROLES.includes(user.role)) return user.institutionName ?? '本机构'
  if (AUTHORITY_ROLES.includes(user.role)) return user.regionName ?? user.regionCode ?? ''
  if (user.role === 'SYSTEM_ADMIN') return '全省'
  return ''
}

export interface MenuItem {
  index: string
  title: string
  icon: string
}

/** The side menu per role (the router guard enforces the same role lists). */
export function menuFor(user: CurrentUser | null): MenuItem[] {
  if (!user) return []
  const items: MenuItem[] = []
  const add = (index: string, title: string, icon: string) => items.push({ index, title, icon })
  switch (user.role) {
    case 'HOSPITAL_CLERK':
    case 'HOSPITAL_ADMIN':
      add('/', '工作台', 'DataAnalysis')
      add('/inbox', '待办', 'Bell')
      if (user.institutionId) add(`/institutions/${user.institutionId}`, '本机构', 'OfficeBuilding')
      add('/people', '人员', 'User')
      add('/filings', '备案', 'Files')
      add('/authorizations', '技术授权', 'Stamp')
      add('/reminders', '到期提醒', 'AlarmClock')
      add('/cases', '病例登记', 'Document')
      add('/cases/import', '病例导入', 'Upload')
      add('/follow-ups', '病例随访', 'Calendar')
      add('/assessments', '能力评估', 'Notebook')
      add('/case-exports', '病例导出', 'Download')
      add('/indicators/hospital', '质控指标', 'TrendCharts')
      add('/indicators/physicians', '医师质控评价', 'Histogram')
      add('/gate/overrides', '紧急放行', 'Warning')
      add('/seeds', '粒子台账', 'Collection')
      if (user.role === 'HOSPITAL_ADMIN') add('/gate/api-keys', '接口密钥', 'Key')
      if (user.role === 'HOSPITAL_ADMIN') add('/institution-accounts', '本院账号管理', 'Avatar')
      add('/training/bases', '培训基地', 'Collection')
      break
    case 'TRAINING_BASE_ADMIN':
      add('/', '工作台', 'DataAnalysis')
      if (user.institutionId) add(`/institutions/${user.institutionId}`, '本机构', 'OfficeBuilding')
      add('/people', '人员', 'User')
      add('/filings', '备案', 'Files')
      add('/training/bases', '培训基地', 'Collection')
      break
    case 'PHYSICIAN':
      add('/', '工作台', 'DataAnalysis')
      if (user.personId) add(`/people/${user.personId}`, '我的档案', 'User')
      add('/authorizations', '我的授权', 'Stamp')
      add('/reminders', '到期提醒', 'AlarmClock')
      add('/cases', '病例登记', 'Document')
      add('/follow-ups', '我的病例随访', 'Calendar')
      add('/assessments', '我的能力评估', 'Notebook')
      break
    case 'COUNTY_AUTHORITY':
    case 'CITY_AUTHORITY':
    case 'PROVINCE_AUTHORITY':
      add('/', '工作台', 'DataAnalysis')
      add('/inbox', '备案待办', 'Bell')
      add('/filings', '备案列表', 'Files')
      add('/institutions', '辖区医疗机构', 'OfficeBuilding')
      if (user.role !== 'COUNTY_AUTHORITY') add('/authority/accounts', '下级账号与专家库', 'Avatar')
      add('/revocations', '撤销建议', 'Warning')
      add('/registrations', '审核注册申请', 'Stamp')
      add('/cases', '病例登记', 'Document')
      add('/follow-ups', '病例随访', 'Calendar')
      add('/assessments', '能力评估', 'Notebook')
      add('/case-exports', '病例导出', 'Download')
      add('/indicators', '质控指标', 'TrendCharts')
      add('/seeds', '粒子台账', 'Collection')
      add('/public/filings', '备案公示', 'Notebook')
      add('/training/bases', '培训基地', 'Collection')
      add('/public/training-bases', '培训基地公示', 'Collection')
      // the province reads the audit trail as the system administrator does (AuditLog#page)
      if (user.role === 'PROVINCE_AUTHORITY') add('/audit', '审计日志', 'Lock')
      break
    case 'EXPERT':
      add('/', '工作台', 'DataAnalysis')
      add('/inbox', '评审待办', 'Bell')
      add('/training/bases', '培训基地评审', 'Collection')
      break
    case 'SYSTEM_ADMIN':
      add('/', '工作台', 'DataAnalysis')
      add('/users', '用户管理', 'Avatar')
      add('/authority/accounts', '专家库', 'Avatar')
      add('/registrations', '审核注册申请', 'Stamp')
      add('/audit', '审计日志', 'Lock')
      add('/filings', '备案列表', 'Files')
      add('/training/bases', '培训基地', 'Collection')
      add('/institutions', '医疗机构', 'OfficeBuilding')
      add('/people', '人员', 'User')
      add('/cases', '病例登记', 'Document')
      add('/follow-ups', '病例随访', 'Calendar')
      add('/case-exports', '病例导出', 'Download')
      add('/indicators', '质控指标', 'TrendCharts')
      add('/seeds', '粒子台账', 'Collection')
      break
  }
  if ([...HOSPITAL_ROLES, ...AUTHORITY_ROLES, 'SYSTEM_ADMIN'].includes(user.role))
    add('/discharge-scan', '病案首页筛查', 'Notebook')
  if ([...HOSPITAL_ROLES, ...AUTHORITY_ROLES, 'SYSTEM_ADMIN'].includes(user.role))
    add('/alerts', '监管预警', 'Warning')
  if ([...HOSPITAL_ROLES, ...AUTHORITY_ROLES, 'SYSTEM_ADMIN'].includes(user.role))
    add('/equipment', '设备登记', 'Files')
  if (user.role !== 'EXPERT') add('/trainees', '学员培训档案', 'Notebook')
  if ([...HOSPITAL_ROLES, ...AUTHORITY_ROLES, 'SYSTEM_ADMIN'].includes(user.role))
    add('/bulk-load', '批量导入', 'Upload')
  add('/technologies', '技术目录', 'Collection')
  if (user.role !== 'EXPERT' && user.role !== 'PHYSICIAN') add('/what-if', '符合性预评估', 'Operation')
  if ([...HOSPITAL_ROLES, ...AUTHORITY_ROLES, 'SYSTEM_ADMIN'].includes(user.role))
    add('/impact', '变化影响分析', 'Warning')
  add('/spec-diff', '版本对比', 'Notebook')
  return items
}
