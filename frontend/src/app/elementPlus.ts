import * as ep from 'element-plus'

/**
 * The Element Plus components the platform's templates use, registered globally under their
 * usual tags (`<el-table>`…), with the `v-loading` directive. Installing these instead of the
 * whole library keeps the other ~70 components out of the first script every page loads
 * (ElMessage and ElMessageBox are imported where they are called). Named through the
 * namespace so the list is written once; the bundler keeps only the members named here (same
 * bundle as with named imports, 571 kB). A component used in a template but missing here fails
 * `elementPlus.spec.ts`.
 */
export const elementPlus = ep.makeInstaller([
  ep.ElAlert,
  ep.ElAside,
  ep.ElBadge,
  ep.ElBreadcrumb,
  ep.ElBreadcrumbItem,
  ep.ElButton,
  ep.ElCard,
  ep.ElCascader,
  ep.ElCheckbox,
  ep.ElCheckboxGroup,
  ep.ElCol,
  ep.ElCollapse,
  ep.ElCollapseItem,
  ep.ElContainer,
  ep.ElDatePicker,
  ep.ElDescriptions,
  ep.ElDescriptionsItem,
  ep.ElDialog,
  ep.ElDrawer,
  ep.ElEmpty,
  ep.ElForm,
  ep.ElFormItem,
  ep.ElHeader,
  ep.ElIcon,
  ep.ElInput,
  ep.ElInputNumber,
  ep.ElLink,
  ep.ElLoading,
  ep.ElMain,
  ep.ElMenu,
  ep.ElMenuItem,
  ep.ElOption,
  ep.ElPagination,
  ep.ElPopover,
  ep.ElProgress,
  ep.ElRadio,
  ep.ElRadioButton,
  ep.ElRadioGroup,
  ep.ElResult,
  ep.ElRow,
  ep.ElSelect,
  ep.ElSkeleton,
  ep.ElStep,
  ep.ElSteps,
  ep.ElSwitch,
  ep.ElTable,
  ep.ElTableColumn,
  ep.ElTabPane,
  ep.ElTabs,
  ep.ElTag,
  ep.ElTimeline,
  ep.ElTimelineItem,
  ep.ElTooltip,
])
