// Storefront lifecycle: build when stale, serve with `next start`.
import fs from "node:fs"
import path from "node:path"
import { ROOT, STOREFRONT_DIR, run, startService, waitForHttp } from "./common.mjs"
import { newestMtime } from "./backend.mjs"

const NEXT = path.join(ROOT, "node_modules", ".bin", "next")
const nextBin = () => (fs.existsSync(NEXT) ? NEXT : path.join(STOREFRONT_DIR, "node_modules", ".bin", "next"))

export function storefrontEnv({ backendUrl, publishableKey, port, extra = {} }) {
  return {
    ...process.env,
    MEDUSA_BACKEND_URL: backendUrl,
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: backendUrl,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: publishableKey,
    NEXT_PUBLIC_BASE_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    ...extra,
  }
}

/** A build is fresh when it is newer than the sources and was made for the same backend and key. */
export function storefrontBuildIsFresh(env) {
  const stamp = path.join(STOREFRONT_DIR, ".next", "ocop-build.json")
  if (!fs.existsSync(stamp)) return false
  const meta = JSON.parse(fs.readFileSync(stamp, "utf8"))
  if (meta.backendUrl !== env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || meta.key !== env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY) return false
  // NEXT_PUBLIC_* values are inlined at build time: a build without the Stripe key cannot serve the card form.
  if ((meta.stripeKey ?? "") !== (env.NEXT_PUBLIC_STRIPE_KEY ?? "")) return false
  const src = newestMtime([
    path.join(STOREFRONT_DIR, "src"),
    path.join(STOREFRONT_DIR, "messages"),
    path.join(STOREFRONT_DIR, "public"),
    path.join(STOREFRONT_DIR, "next.config.ts"),
    path.join(STOREFRONT_DIR, "package.json"),
  ])
  return fs.statSync(stamp).mtimeMs > src
}

export async function buildStorefront(env, opts = {}) {
  await run(nextBin(), ["build"], { cwd: STOREFRONT_DIR, env: { ...env, NODE_ENV: "production" }, label: "storefront-build", quiet: opts.quiet ?? true })
  fs.writeFileSync(
    path.join(STOREFRONT_DIR, ".next", "ocop-build.json"),
    JSON.stringify({
      backendUrl: env.NEXT_PUBLIC_MEDUSA_BACKEND_URL,
      key: env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY,
      stripeKey: env.NEXT_PUBLIC_STRIPE_KEY ?? "",
      at: new Date().toISOString(),
    })
  )
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {{ port?: number | string, logFile?: string, echo?: boolean }} [options]
 */
export async function serveStorefront(env, { port, logFile, echo = false } = {}) {
  const child = startService("storefront", nextBin(), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: STOREFRONT_DIR,
    env: { ...env, NODE_ENV: "production" },
    logFile,
    echo,
  })
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 60000, service: child })
  return child
}
