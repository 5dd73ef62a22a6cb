import { ref } from 'vue'
import { http } from './http'

/** One code with its Chinese label, as `GET /api/dictionary` sends it. */
export interface DictionaryEntry {
  code: string
  label: string
}

/** The server's code dictionary (docs/dictionary.md): group → entries in display order. */
export interface Dictionary {
  version: string
  groups: Record<string, DictionaryEntry[]>
}

/** Group → code → label; empty until the dictionary has loaded (labels then fall back). */
const labels = ref<Record<string, Record<string, string>>>({})
const groups = ref<Record<string, DictionaryEntry[]>>({})
let loading: Promise<void> | null = null

/** Replaces the loaded dictionary (tests, or a dictionary fetched elsewhere). */
export function setDictionary(dictionary: Dictionary | null): void {
  const next: Record<string, Record<string, string>> = {}
  for (const [group, entries] of Object.entries(dictionary?.groups ?? {})) {
    next[group] = Object.fromEntries(entries.map((e) => [e.code, e.label]))
  }
  labels.value = next
  groups.value = dictionary?.groups ?? {}
  if (!dictionary) loading = null
}

/**
 * Loads the dictionary once per page load (the browser keeps it an hour and revalidates it with its
 * ETag). A failure is silent: labels fall back to the local lists, and the next call tries again.
 */
export function loadDictionary(): Promise<void> {
  if (!loading) {
    loading = http
      .get<Dictionary>('/api/dictionary', { silent: true })
      .then((d) => setDictionary(d))
      .catch(() => {
        loading = null
      })
  }
  return loading
}

/**
 * The Chinese label of a code: the server's dictionary first, then `fallback` (a local list), then
 * the code itself. Reactive: a template re-renders when the dictionary arrives.
 */
export function codeLabel(
  group: string,
  code: string | null | undefined,
  fallback?: Record<string, string> | string,
): string {
  if (code === null || code === undefined || code === '') return '—'
  const served = labels.value[group]?.[code]
  if (served) return served
  if (typeof fallback === 'string') return fallback || code
  return fallback?.[code] ?? code
}

/** A group as select options ({ value, label }), in the server's order; empty until loaded. */
export function codeOptions(group: string): { value: string; label: string }[] {
  return (groups.value[group] ?? []).map((e) => ({ value: e.code, label: e.label }))
}

/** For pages: starts loading the dictionary and returns the label helpers. */
export function useDictionary() {
  void loadDictionary()
  return { label: codeLabel, options: codeOptions }
}

/** A region code as text: 000000 is 全国; others through `regionName` (e.g. the region tree), else the code. */
export function regionLabel(code: string | null | undefined, regionName?: (code: string) => string): string {
  if (!code) return '—'
  const served = labels.value.region?.[code]
  if (served) return served
  if (code === '000000') return '全国'
  return regionName?.(code) || code
}
