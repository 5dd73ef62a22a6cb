/**
 * Deep copy of JSON data. Unlike structuredClone it accepts Vue's reactive proxies, which is what props and refs
 * holding API records are.
 */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
