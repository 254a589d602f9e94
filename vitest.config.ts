import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The app's '@/...' imports (tsconfig paths), so tests can call route handlers directly.
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }] },
  test: {
    include: [
      'lib/**/*.test.ts',
      'tests/**/*.test.ts',
      'e2e/mock-idp/**/*.test.ts',
      'e2e/hostile/**/*.test.ts',
      'e2e/interop/**/*.test.ts',
    ],
    exclude: ['node_modules', 'dist', '.next', 'e2e/**/*.spec.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
})
