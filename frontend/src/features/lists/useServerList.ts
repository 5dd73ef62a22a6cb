import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  parseListState,
  sortFromTable,
  tableSort,
  toApiQuery,
  toExportQuery,
  toRouteQuery,
  withFilter,
  type ListState,
  type TableOrder,
} from './listState'
import type { ListPage } from './api'

/**
 * A list paged, sorted and filtered on the server whose state lives in the URL: every
 * change pushes a new query (so back/forward and links work) and every query change
 * loads the page.
 */
export function useServerList<T>(
  filterKeys: readonly string[],
  fetchPage: (query: Record<string, string | number>) => Promise<ListPage<T>>,
) {
  const route = useRoute()
  const router = useRouter()
  const state = computed<ListState>(() => parseListState(route.query, filterKeys))
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  let latest = 0

  async function load() {
    const request = ++latest
    loading.value = true
    try {
      const page = await fetchPage(toApiQuery(state.value))
      if (request !== latest) return
      rows.value = page.items
      total.value = page.total
    } catch {
      if (request !== latest) return
      rows.value = []
      total.value = 0
    } finally {
      if (request === latest) loading.value = false
    }
  }

  function go(next: ListState) {
    void router.push({ path: route.path, query: toRouteQuery(next) })
  }

  watch(
    () => route.fullPath,
    () => void load(),
    { immediate: true },
  )

  return {
    state,
    rows,
    total,
    loading,
    reload: load,
    filter: (key: string) => state.value.filters[key] ?? '',
    setFilter: (key: string, value: string | null | undefined) => go(withFilter(state.value, key, value)),
    setFilters: (values: Record<string, string | null | undefined>) => {
      let next = state.value
      for (const [key, value] of Object.entries(values)) next = withFilter(next, key, value)
      go(next)
    },
    setPage: (page: number) => go({ ...state.value, page }),
    setSize: (size: number) => go({ ...state.value, size, page: 1 }),
    onSortChange: ({ prop, order }: { prop: string | null; order: TableOrder }) =>
      go({ ...state.value, sort: sortFromTable(prop, order), page: 1 }),
    defaultSort: computed(() => tableSort(state.value.sort)),
    exportQuery: computed(() => toExportQuery(state.value)),
  }
}
