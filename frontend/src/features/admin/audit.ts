/** Options of a label map (code → Chinese label), sorted by label in pinyin order; the code is the value, never shown. */
export function labelOptions(labels: Record<string, string>): { value: string; label: string }[] {
  const byLabel = new Map<string, string>()
  for (const [value, label] of Object.entries(labels)) {
    // two codes may share a label (e.g. an old and a new name): offer the label once
    if (!byLabel.has(label)) byLabel.set(label, value)
  }
  return [...byLabel.entries()]
    .map(([label, value]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
}
