import { ref } from 'vue'
import { regionsApi } from '@/api'
import type { Region } from '@/api/types'

const tree = ref<Region[]>([])
let loading: Promise<void> | null = null

/** The region tree, loaded once per page load and shared. */
export function useRegions() {
  if (!loading) {
    loading = regionsApi
      .tree()
      .then((t) => {
        tree.value = t
      })
      .catch(() => {
        loading = null
      })
  }
  return tree
}

export const REGION_CASCADER_PROPS = { value: 'code', label: 'name', checkStrictly: true, emitPath: false }

/** Finds a region's full name, e.g. 吉林省 / 长春市 / 朝阳区. */
export function regionPath(regions: Region[], code: string | null | undefined): string {
  if (!code) return ''
  const walk = (nodes: Region[], trail: string[]): string | null => {
    for (const n of nodes) {
      const next = [...trail, n.name]
      if (n.code === code) return next.join(' / ')
      const found = n.children ? walk(n.children, next) : null
      if (found) return found
    }
    return null
  }
  return walk(regions, []) ?? code
}

/**
 * A region as a province-wide list shows it: its path below the province (长春市 / 朝阳区, so that the two 朝阳区 of a
 * country or the 龙山区 of two cities are told apart), the province itself by name, `fallback` (the server's name)
 * until the tree has loaded or when the tree does not hold the code.
 */
export function regionBelowProvince(
  regions: Region[],
  code: string | null | undefined,
  fallback = '',
): string {
  const path = regionPath(regions, code)
  if (!path || path === code) return fallback || path
  const parts = path.split(' / ')
  return parts.length > 1 ? parts.slice(1).join(' / ') : path
}

/** The region of a code in the tree, or null. */
export function findRegion(regions: Region[], code: string | null | undefined): Region | null {
  if (!code) return null
  for (const r of regions) {
    if (r.code === code) return r
    const below = findRegion(r.children ?? [], code)
    if (below) return below
  }
  return null
}
