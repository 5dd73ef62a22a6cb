import { computed, ref } from 'vue'
import { indentedName } from './indicators'
import { indicatorApi, type IndicatorDefinition, type IndicatorSet } from './api'

/**
 * The indicator sets of the dictionary for a dashboard's set picker: loaded once, the first technology set chosen
 * by default (or `preferred` when given and present).
 */
export function useIndicatorSets(preferred?: string) {
  const sets = ref<IndicatorSet[]>([])
  const setKey = ref<string>('')
  const failed = ref(false)

  /**
   * @param technology a technology whose set to choose when there is one (before `preferred`'s default), or
   * technologies in order of preference: the set of the first that has one
   */
  async function loadSets(technology?: string | readonly string[] | null) {
    try {
      sets.value = await indicatorApi.sets()
      const keys = sets.value.map((s) => s.key)
      const wanted = technology == null ? [] : typeof technology === 'string' ? [technology] : technology
      const ofTechnology = wanted
        .map((t) => sets.value.find((s) => s.technology === t)?.key)
        .find((key) => key !== undefined)
      setKey.value =
        ofTechnology ??
        (preferred && keys.includes(preferred)
          ? preferred
          : (sets.value.find((s) => s.technology)?.key ?? keys[0] ?? ''))
    } catch {
      failed.value = true
    }
  }

  const set = computed(() => sets.value.find((s) => s.key === setKey.value) ?? null)

  /** The set's indicators in dictionary order, sub-indicators indented under their parent. */
  const indicatorOptions = computed(() =>
    (set.value?.indicators ?? []).map((i) => ({ value: i.code, label: indentedName(i) })),
  )

  function indicator(code: string): IndicatorDefinition | null {
    return set.value?.indicators.find((i) => i.code === code) ?? null
  }

  return { sets, setKey, set, failed, loadSets, indicatorOptions, indicator }
}
