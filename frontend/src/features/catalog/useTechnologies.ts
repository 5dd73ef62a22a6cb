import { ref } from 'vue'
import { catalogApi } from '@/api'
import type { Technology } from '@/api/types'

const list = ref<Technology[]>([])
let loading: Promise<void> | null = null

/** The catalogue, loaded once per page load and shared by selects. */
export function useTechnologies() {
  if (!loading) {
    loading = catalogApi
      .technologies()
      .then((t) => {
        list.value = t
      })
      .catch(() => {
        loading = null
      })
  }
  return list
}
