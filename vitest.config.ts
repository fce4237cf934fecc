import { defineConfig } from "vitest/config"

// Three tiers, one runner. `scripts/test.mjs` starts PostgreSQL, the backend and
// the storefront before the integration and e2e tiers run, and passes their
// URLs in the environment (OCOP_BACKEND_URL, OCOP_STOREFRONT_URL, …).
export default defineConfig({
  test: {
    globals: true,
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["backend/src/**/*.unit.spec.ts", "storefront/src/**/*.unit.spec.ts", "tests/**/*.unit.spec.ts", "scripts/**/*.unit.spec.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["backend/integration-tests/**/*.spec.ts", "tests/integration/**/*.spec.ts"],
          exclude: ["**/*.unit.spec.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.spec.ts"],
          exclude: ["**/*.unit.spec.ts"],
        },
      },
    ],
  },
})
