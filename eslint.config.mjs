// One ESLint configuration for the whole repository (`npm run check` runs it after the type checks).
// TypeScript: typescript-eslint's recommendedTypeChecked, with the types of each workspace's own
// tsconfig. Storefront: Next.js's rules (eslint-config-next, core web vitals). Orchestration
// scripts (plain .mjs): ESLint's recommended rules.
import js from "@eslint/js"
import { createRequire } from "node:module"
import path from "node:path"
import globals from "globals"
import tseslint from "typescript-eslint"

// eslint-config-next requires `next` (its Babel parser) from where npm hoisted it, the root
// node_modules, but `next` lives in storefront/node_modules (the root `overrides` keep it apart
// from the admin's React 18). NODE_PATH is Node's documented fallback for such lookups.
process.env.NODE_PATH = [path.join(import.meta.dirname, "storefront", "node_modules"), process.env.NODE_PATH].filter(Boolean).join(path.delimiter)
createRequire(import.meta.url)("node:module")._initPaths()
const { default: nextVitals } = await import("eslint-config-next/core-web-vitals")

const TS = ["**/*.ts", "**/*.tsx"]
const STOREFRONT = ["storefront/**/*.{js,jsx,mjs,ts,tsx}"]

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.medusa/**",
      "**/.next/**",
      ".data/**",
      "test-results/**",
      "bench/results/**",
      "backend/static/**",
      "storefront/next-env.d.ts",
      "**/*.d.ts",
    ],
  },

  // TypeScript everywhere, type-checked. A file is typed by the first project that includes it:
  // backend sources, the storefront, then the tests (which also hold the backend's unit specs).
  {
    files: TS,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ["./backend/tsconfig.check.json", "./storefront/tsconfig.json", "./tests/tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused names are errors, except the deliberate `_name` and rest-siblings used to drop fields.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // Warnings, not errors: these follow `any` through the code, and most of the `any` comes from
      // Medusa itself (query.graph rows without generated types, workflow hook payloads, req.scope
      // resolutions, JSON bodies in tests). Counts when the gate was introduced (Dec 2026):
      // no-unsafe-member-access 1275, no-unsafe-assignment 481, no-explicit-any 418,
      // no-unsafe-argument 213, no-unsafe-call 204, no-unsafe-return 149. They stay visible in
      // `npm run check` output so the number can only go down; every other rule of the preset is an error.
      "@typescript-eslint/no-unsafe-member-access": "warn",
      "@typescript-eslint/no-unsafe-assignment": "warn",
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/no-unsafe-argument": "warn",
      "@typescript-eslint/no-unsafe-call": "warn",
      "@typescript-eslint/no-unsafe-return": "warn",
      // 38 findings: Medusa's provider, migration and cache interfaces are async, and their
      // implementations (and test fakes) often have nothing to await.
      "@typescript-eslint/require-await": "warn",
      // 14 findings: `Locale | string` and `CertificationStatus | string` document the known values
      // of a parameter that also accepts raw input.
      "@typescript-eslint/no-redundant-type-constituents": "warn",
      // React event handlers may be async (their errors are caught inside); everywhere else a
      // promise passed where nothing awaits it is an error.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  // Layers of the backend: HTTP routes call workflows through their entry points (`workflows/<area>`, never a
  // `steps` file); workflows, modules, subscribers, jobs and notifications never import from `api/` (what both
  // sides need — the shopper-facing error contract, display formats — lives in `contract/`).
  {
    files: ["backend/src/{workflows,modules,subscribers,jobs,notifications,links,search,storefront}/**/*.{ts,tsx}"],
    ignores: ["**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/api/**", "**/api"], message: "Only HTTP routes live in api/: move what is shared to contract/ or the module." }] }],
    },
  },
  {
    files: ["backend/src/api/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/workflows/*/steps", "**/workflows/*/steps.ts"], message: "Import the workflow's entry point (workflows/<area>), not its steps." }] }],
    },
  },
  // Whether an assertion on a query.graph result is necessary depends on .medusa/types, which
  // `medusa build` generates (typed rows) and a fresh checkout lacks (`any` rows): the rule gives
  // opposite answers before and after a build, and its autofix once broke the build. Off in the backend.
  {
    files: ["backend/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-unnecessary-type-assertion": "off" },
  },
  // Config files outside every workspace's tsconfig: linted without types.
  {
    files: ["medusa-config.ts", "vitest.config.ts", "storefront/next.config.ts"],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // The storefront: Next.js's own rules on top (React 19 there; the admin's React 18 lives in the backend).
  ...nextVitals.filter((config) => config.files).map((config) => ({ ...config, files: STOREFRONT })),
  {
    files: STOREFRONT,
    settings: { react: { version: "19.2" }, next: { rootDir: "storefront" } },
  },

  // Orchestration and bench scripts: plain Node ESM.
  {
    files: ["scripts/**/*.mjs", "*.mjs"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node, ecmaVersion: 2023, sourceType: "module" },
    rules: {
      // generate-artwork.mjs gives every drawing the same palette parameter; not all use every colour.
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      // `catch {}` around process.kill and best-effort probes: the process may already be gone.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  }
)
