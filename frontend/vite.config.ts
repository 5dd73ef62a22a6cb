import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { availableParallelism } from 'node:os'
import { fileURLToPath, URL } from 'node:url'
import { gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

const outDir = process.env.RTMS_STATIC_DIR ?? '../target/classes/static'

/**
 * Writes a gzip (.gz) copy next to every compressible file of the build (at least 1 KiB, and
 * only when smaller), so the server sends it without compressing at run time (Spring's
 * EncodedResourceResolver, see docs/caching.md). No Brotli copies: Spring picks the coding
 * the client lists first, and browsers list gzip before br, so .br files would never be sent.
 */
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

/**
 * Spec files that replace modules or globals (vi.mock, vi.doMock, vi.stubGlobal) run isolated, each
 * in a fresh module graph; the others share one jsdom and one module graph per worker, so the app's
 * modules and jsdom are set up once instead of once per file. Decided from the file's text, so a
 * new spec that mocks lands among the isolated ones without anyone listing it.
 */
function specsThatMock(): string[] {
  const src = fileURLToPath(new URL('./src', import.meta.url))
  return walk(src)
    .filter((f) => f.endsWith('.spec.ts'))
    .filter((f) => /vi\.(mock|doMock|stubGlobal)\(/.test(readFileSync(f, 'utf8')))
    .map(
      (f) =>
        `src/${f
          .slice(src.length + 1)
          .split('\\')
          .join('/')}`,
    )
}

function precompress(): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/
  return {
    name: 'rtms-precompress',
    apply: 'build',
    closeBundle() {
      const root = fileURLToPath(new URL(outDir, import.meta.url))
      for (const file of walk(root).filter((f) => compressible.test(f))) {
        const content = readFileSync(file)
        if (content.length < 1024) continue
        const gz = gzipSync(content, { level: 9 })
        if (gz.length < content.length) writeFileSync(`${file}.gz`, gz)
      }
    },
  }
}

export default defineConfig({
  plugins: [vue(), precompress()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    restoreMocks: true,
    // Mounting Element Plus forms in jsdom takes seconds on a loaded 2-core machine (CI, parallel builds);
    // the 5 s default made PersonForm and PriorFilingDialog specs time out there, not fail.
    testTimeout: 20_000,
    // Vitest's default leaves one core free: on the 2-core CI machine that is one worker. Two took the
    // suite from 83 s to 64 s there (2026-12-01).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Element Plus, its icons and ECharts bundled once (esbuild) instead of hundreds of module imports per
    // spec file: halved the import time.
    deps: {
      optimizer: {
        client: { enabled: true, include: ['element-plus', '@element-plus/icons-vue', 'echarts'] },
      },
    },
    projects: [
      { extends: true, test: { name: 'isolated', include: specsThatMock() } },
      {
        extends: true,
        test: { name: 'shared', include: ['src/**/*.spec.ts'], exclude: specsThatMock(), isolate: false },
      },
    ],
  },
})
