import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts', 'e2e/mock-idp/**/*.test.ts'],
    exclude: ['node_modules', 'dist', '.next', 'e2e/**/*.spec.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
})
