import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { UserRole } from '@/api/types'
import { installAuthGuard } from '@/features/auth/guard'

const HOSPITAL: UserRole[] = ['HOSPITAL_CLERK', 'HOSPITAL_ADMIN']
const AUTHORITY: UserRole[] = ['COUNTY_AUTHORITY', 'CITY_AUTHORITY', 'PROVINCE_AUTHORITY']
const FILING_READERS: UserRole[] = [
  ...HOSPITAL,
  'PHYSICIAN',
  'TRAINING_BASE_ADMIN',
  ...AUTHORITY,
  'EXPERT',
  'SYSTEM_ADMIN',
]

/** Who reads training bases (the server scopes each, see docs/training.md). */
const TRAINING_BASE_READERS: UserRole[] = [
  ...HOSPITAL,
  'TRAINING_BASE_ADMIN',
  ...AUTHORITY,
  'EXPERT',
  'SYSTEM_ADMIN',
]

/** Who reads the case registry (the server scopes each to its own cases, see docs/cases.md). */
const CASE_READERS: UserRole[] = [...HOSPITAL, 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN']

/** Who reads the radioactive seed ledger (docs/seed-ledger.md); hospitals record their own. */
const SEED_READERS: UserRole[] = [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN']

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginPage.vue'),
    meta: { title: '登录', public: true, bare: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/features/auth/PasswordPage.vue'),
    meta: { title: '修改密码', bare: true },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/features/onboarding/RegisterPage.vue'),
    meta: { title: '医疗机构注册', public: true, bare: true },
  },
  {
    path: '/registration/status',
    name: 'registration-status',
    component: () => import('@/features/onboarding/RegistrationStatusPage.vue'),
    meta: { title: '注册申请进度', public: true, bare: true },
  },
  {
    path: '/activate',
    name: 'activate',
    component: () => import('@/features/onboarding/ActivatePage.vue'),
    meta: { title: '设置密码', public: true, bare: true },
  },
  {
    path: '/registrations',
    name: 'registrations',
    component: () => import('@/features/onboarding/RegistrationInboxPage.vue'),
    meta: { title: '审核注册申请', menu: '/registrations', roles: [...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  {
    path: '/institution-accounts',
    name: 'institution-accounts',
    component: () => import('@/features/onboarding/InstitutionAccountsPage.vue'),
    meta: { title: '本院账号管理', menu: '/institution-accounts', roles: ['HOSPITAL_ADMIN'] },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./ForbiddenPage.vue'),
    meta: { title: '无权访问' },
  },
  {
    path: '/public/filings',
    name: 'public-filings',
    component: () => import('@/features/filing/PublicFilingsPage.vue'),
    meta: { title: '备案公示', public: true, menu: '/public/filings' },
  },
  {
    path: '/public/training-bases',
    name: 'public-training-bases',
    component: () => import('@/features/training/bases/PublicTrainingBasesPage.vue'),
    meta: { title: '培训基地公示', public: true, menu: '/public/training-bases' },
  },
  {
    path: '/training/bases',
    name: 'training-bases',
    component: () => import('@/features/training/bases/TrainingBaseListPage.vue'),
    meta: { title: '培训基地', menu: '/training/bases', roles: TRAINING_BASE_READERS },
  },
  {
    path: '/training/bases/:id',
    name: 'training-base',
    component: () => import('@/features/training/bases/TrainingBaseDetailPage.vue'),
    props: true,
    meta: { title: '培训基地详情', menu: '/training/bases', roles: TRAINING_BASE_READERS },
  },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('@/features/filing/InboxPage.vue'),
    meta: { title: '待办', menu: '/inbox', roles: [...HOSPITAL, ...AUTHORITY, 'EXPERT'] },
  },
  {
    path: '/filings',
    name: 'filings',
    component: () => import('@/features/filing/FilingListPage.vue'),
    meta: { title: '备案', menu: '/filings', roles: FILING_READERS },
  },
  {
    path: '/filings/new',
    name: 'filing-new',
    component: () => import('@/features/filing/FilingNewPage.vue'),
    meta: { title: '新建备案', menu: '/filings', roles: HOSPITAL },
  },
  {
    path: '/filings/:id',
    name: 'filing',
    component: () => import('@/features/filing/FilingDetailPage.vue'),
    props: true,
    meta: { title: '备案详情', menu: '/filings', roles: FILING_READERS },
  },
  {
    path: '/assessments',
    name: 'assessments',
    component: () => import('@/features/assessment/AssessmentPage.vue'),
    meta: {
      title: '能力评估',
      menu: '/assessments',
      roles: [...HOSPITAL, 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/assessments/:id',
    name: 'assessment',
    component: () => import('@/features/assessment/AssessmentViewPage.vue'),
    props: true,
    meta: {
      title: '能力评估',
      menu: '/assessments',
      roles: [...HOSPITAL, 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/trainees',
    name: 'trainees',
    component: () => import('@/features/training/trainees/TraineeListPage.vue'),
    meta: {
      title: '学员培训档案',
      menu: '/trainees',
      roles: [...HOSPITAL, 'TRAINING_BASE_ADMIN', 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/trainees/:id',
    name: 'trainee',
    component: () => import('@/features/training/trainees/TraineeFilePage.vue'),
    props: true,
    meta: {
      title: '学员培训档案',
      menu: '/trainees',
      roles: [...HOSPITAL, 'TRAINING_BASE_ADMIN', 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/revocations',
    name: 'revocations',
    component: () => import('@/features/filing/RevocationsPage.vue'),
    meta: { title: '撤销建议', menu: '/revocations', roles: [...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  {
    path: '/gate/api-keys',
    name: 'gate-api-keys',
    component: () => import('@/features/gate/ApiKeysPage.vue'),
    meta: { title: '接口密钥', menu: '/gate/api-keys', roles: ['HOSPITAL_ADMIN'] },
  },
  {
    path: '/gate/overrides',
    name: 'gate-overrides',
    component: () => import('@/features/gate/OverridesPage.vue'),
    meta: { title: '紧急放行', menu: '/gate/overrides', roles: HOSPITAL },
  },
  {
    path: '/authorizations',
    name: 'authorizations',
    component: () => import('@/features/authorization/AuthorizationLedgerPage.vue'),
    meta: {
      title: '技术授权',
      menu: '/authorizations',
      roles: [...HOSPITAL, 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/seeds',
    name: 'seeds',
    component: () => import('@/features/seeds/SeedLotsPage.vue'),
    meta: { title: '放射性粒子台账', menu: '/seeds', roles: SEED_READERS },
  },
  {
    path: '/seeds/lots/:id',
    name: 'seed-lot',
    component: () => import('@/features/seeds/SeedLotPage.vue'),
    props: true,
    meta: { title: '粒子批次台账', menu: '/seeds', roles: SEED_READERS },
  },
  {
    path: '/seeds/incidents',
    name: 'seed-incidents',
    component: () => import('@/features/seeds/SeedIncidentsPage.vue'),
    meta: { title: '粒子丢失泄漏应急事件', menu: '/seeds', roles: SEED_READERS },
  },
  {
    path: '/seeds/safety',
    name: 'seed-safety',
    component: () => import('@/features/seeds/SeedSafetyPage.vue'),
    meta: { title: '辐射安全记录', menu: '/seeds', roles: SEED_READERS },
  },
  {
    path: '/reminders',
    name: 'reminders',
    component: () => import('@/features/authorization/RemindersPage.vue'),
    meta: {
      title: '到期提醒',
      menu: '/reminders',
      roles: [...HOSPITAL, 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  // ---- cases (issue 8) ----
  {
    path: '/cases',
    name: 'cases',
    component: () => import('@/features/cases/CaseListPage.vue'),
    meta: { title: '病例登记', menu: '/cases', roles: CASE_READERS },
  },
  {
    path: '/cases/new',
    name: 'case-new',
    component: () => import('@/features/cases/CaseNewPage.vue'),
    meta: { title: '新建病例', menu: '/cases', roles: HOSPITAL },
  },
  {
    path: '/cases/:id',
    name: 'case',
    component: () => import('@/features/cases/CaseDetailPage.vue'),
    props: true,
    meta: { title: '病例', menu: '/cases', roles: CASE_READERS },
  },
  {
    path: '/case-exports',
    name: 'case-exports',
    component: () => import('@/features/cases/export/CaseExportPage.vue'),
    meta: { title: '病例导出', menu: '/case-exports', roles: [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  {
    path: '/follow-ups',
    name: 'follow-ups',
    component: () => import('@/features/followup/FollowUpsPage.vue'),
    meta: {
      title: '病例随访',
      menu: '/follow-ups',
      roles: [...HOSPITAL, 'PHYSICIAN', ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/cases/import',
    name: 'case-import',
    component: () => import('@/features/cases/import/CaseImportPage.vue'),
    meta: { title: '病例导入', menu: '/cases/import', roles: HOSPITAL },
  },
  {
    path: '/bulk-load',
    name: 'bulk-load',
    component: () => import('@/features/bulkload/BulkLoadPage.vue'),
    meta: { title: '批量导入', menu: '/bulk-load', roles: [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  {
    path: '/users',
    name: 'users',
    component: () => import('@/features/admin/UsersPage.vue'),
    meta: { title: '用户管理', menu: '/users', roles: ['SYSTEM_ADMIN'] },
  },
  {
    path: '/authority/accounts',
    name: 'authority-accounts',
    component: () => import('@/features/experts/AuthorityAccountsPage.vue'),
    meta: {
      title: '下级账号与专家库',
      menu: '/authority/accounts',
      roles: ['PROVINCE_AUTHORITY', 'CITY_AUTHORITY', 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('@/features/admin/AuditPage.vue'),
    meta: { title: '审计日志', menu: '/audit', roles: ['SYSTEM_ADMIN', 'PROVINCE_AUTHORITY'] },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/features/notifications/NotificationsPage.vue'),
    meta: { title: '站内消息' },
  },
  {
    path: '/',
    name: 'dashboard',
    component: () => import('@/features/dashboard/DashboardPage.vue'),
    meta: { title: '工作台', menu: '/' },
  },
  {
    path: '/technologies',
    name: 'technologies',
    component: () => import('@/features/catalog/TechnologyListPage.vue'),
    meta: { title: '技术目录', menu: '/technologies' },
  },
  {
    path: '/technologies/:code',
    name: 'technology',
    component: () => import('@/features/catalog/TechnologyPage.vue'),
    props: true,
    meta: { title: '限制类技术', menu: '/technologies' },
  },
  {
    path: '/specs/:specKey',
    name: 'spec',
    component: () => import('@/features/specs/SpecPage.vue'),
    props: true,
    meta: { title: '管理规范', menu: '/technologies' },
  },
  {
    path: '/institutions',
    name: 'institutions',
    component: () => import('@/features/institutions/InstitutionListPage.vue'),
    meta: { title: '医疗机构', menu: '/institutions' },
  },
  {
    path: '/institutions/new',
    name: 'institution-new',
    component: () => import('@/features/institutions/InstitutionDetailPage.vue'),
    meta: { title: '新增医疗机构', menu: '/institutions' },
  },
  {
    path: '/institutions/:id',
    name: 'institution',
    component: () => import('@/features/institutions/InstitutionDetailPage.vue'),
    props: true,
    meta: { title: '医疗机构', menu: '/institutions' },
  },
  {
    path: '/institutions/:id/eligibility/:technology',
    name: 'institution-clauses',
    component: () => import('@/features/institutions/InstitutionClausePage.vue'),
    props: true,
    meta: { title: '条款明细', menu: '/institutions' },
  },
  {
    path: '/people',
    name: 'people',
    component: () => import('@/features/personnel/PersonListPage.vue'),
    meta: { title: '人员', menu: '/people' },
  },
  {
    path: '/people/new',
    name: 'person-new',
    component: () => import('@/features/personnel/PersonDetailPage.vue'),
    meta: { title: '新增人员', menu: '/people' },
  },
  {
    path: '/people/:id',
    name: 'person',
    component: () => import('@/features/personnel/PersonDetailPage.vue'),
    props: true,
    meta: { title: '人员', menu: '/people' },
  },
  {
    path: '/people/:id/eligibility/:technology',
    name: 'person-clauses',
    component: () => import('@/features/personnel/PersonClausePage.vue'),
    props: true,
    meta: { title: '条款明细', menu: '/people' },
  },
  {
    path: '/what-if',
    name: 'what-if',
    component: () => import('@/features/eligibility/WhatIfPage.vue'),
    meta: { title: '符合性预评估', menu: '/what-if' },
  },
  // ---- supervision alerts (docs/supervision.md) ----
  {
    path: '/alerts',
    name: 'alerts',
    component: () => import('@/features/supervision/AlertsPage.vue'),
    meta: { title: '监管预警', menu: '/alerts', roles: [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  // ---- equipment register (issue 11 item 3, docs/equipment.md) ----
  {
    path: '/equipment',
    name: 'equipment',
    component: () => import('@/features/equipment/EquipmentPage.vue'),
    meta: { title: '设备登记', menu: '/equipment', roles: [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  // ---- what-if scenarios and edition diff (issue 10 item 5) ----
  {
    path: '/impact',
    name: 'impact',
    component: () => import('@/features/whatif/ImpactPage.vue'),
    meta: { title: '变化影响分析', menu: '/impact', roles: [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  {
    path: '/spec-diff',
    name: 'spec-diff',
    component: () => import('@/features/whatif/SpecDiffPage.vue'),
    meta: { title: '版本对比', menu: '/spec-diff' },
  },
  // ---- discharge-record scan (issue 8 item 7) ----
  {
    path: '/discharge-scan',
    name: 'discharge-scan',
    component: () => import('@/features/discharge/DischargeScanPage.vue'),
    meta: {
      title: '病案首页筛查',
      menu: '/discharge-scan',
      roles: [...HOSPITAL, ...AUTHORITY, 'SYSTEM_ADMIN'],
    },
  },
  {
    path: '/discharge-records',
    name: 'discharge-records',
    component: () => import('@/features/discharge/DischargeUploadPage.vue'),
    meta: { title: '导入出院病案首页', menu: '/discharge-scan', roles: HOSPITAL },
  },
  // ---- quality-control indicator dashboards (issue 10 item 6, docs/indicators-dashboards.md) ----
  {
    path: '/indicators',
    name: 'indicators-region',
    component: () => import('@/features/indicators/RegionalIndicatorsPage.vue'),
    meta: { title: '辖区质控指标', menu: '/indicators', roles: [...AUTHORITY, 'SYSTEM_ADMIN'] },
  },
  {
    path: '/indicators/hospital',
    name: 'indicators-hospital',
    component: () => import('@/features/indicators/HospitalIndicatorsPage.vue'),
    meta: { title: '本院质控指标', menu: '/indicators/hospital', roles: HOSPITAL },
  },
  {
    path: '/indicators/physicians',
    name: 'indicators-physicians',
    component: () => import('@/features/indicators/PhysicianIndicatorsPage.vue'),
    meta: { title: '医师质控评价', menu: '/indicators/physicians', roles: HOSPITAL },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./NotFoundPage.vue'),
    meta: { title: '页面不存在' },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

installAuthGuard(router)

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title ? `${title} - 限制类医疗技术临床应用管理平台` : '限制类医疗技术临床应用管理平台'
})
