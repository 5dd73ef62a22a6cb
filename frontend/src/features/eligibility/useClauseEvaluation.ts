import { ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { ClauseEvaluation } from '@/api/types'

/**
 * The state of a clause drill-down page: the evaluation date (kept in the URL as
 * `?asOf=`), the result, and loading/failure flags. `fetch` asks the API for the
 * evaluation of one subject and technology.
 */
export function useClauseEvaluation(fetch: (asOf: string | undefined) => Promise<ClauseEvaluation>) {
  const route = useRoute()
  const router = useRouter()
  const asOf = ref<string | null>(typeof route.query.asOf === 'string' ? route.query.asOf : null)
  const result = ref<ClauseEvaluation | null>(null)
  const loading = ref(true)
  const failed = ref(false)

  async function load() {
    loading.value = true
    router.replace({ query: asOf.value ? { asOf: asOf.value } : {} })
    try {
      result.value = await fetch(asOf.value || undefined)
      failed.value = false
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }

  return { asOf, result, loading, failed, load }
}
