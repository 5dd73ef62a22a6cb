import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from 'vue'
import { elementPlus } from './elementPlus'

// vitest runs in frontend/ (jsdom gives import.meta.url no file: scheme)
const src = join(process.cwd(), 'src')

const vueFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? vueFiles(path) : path.endsWith('.vue') ? [path] : []
  })

const pascal = (tag: string) =>
  tag
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')

describe('elementPlus (the components installed instead of the whole library)', () => {
  const app = createApp({})
  app.use(elementPlus)
  const registered = app._context.components

  it('registers every Element Plus tag a template uses', () => {
    const used = new Map<string, string>()
    for (const file of vueFiles(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/<(el-[a-z-]+)/g)) {
        used.set(match[1], file.slice(src.length))
      }
    }
    expect(used.size).toBeGreaterThan(40)
    const missing = [...used]
      .filter(([tag]) => !registered[pascal(tag)])
      .map(([tag, file]) => `${tag} (${file})`)
    expect(missing).toEqual([])
  })

  it('registers the v-loading directive the lists use', () => {
    expect(app._context.directives.loading).toBeDefined()
  })

  it('leaves out what no template uses', () => {
    expect(registered.ElTree).toBeUndefined()
    expect(registered.ElUpload).toBeUndefined()
  })
})
