import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'dashboard',
    component: () => import('@/features/dashboard/DashboardPage.vue'),
    meta: { title: '总览', menu: '/' },
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

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title ? `${title} - 限制类医疗技术临床应用管理平台` : '限制类医疗技术临床应用管理平台'
})
