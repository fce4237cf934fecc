#!/usr/bin/env node
// `npm test`: install when needed, start a throwaway PostgreSQL (or use
// TEST_DATABASE_URL), migrate and seed it, build and start the backend and the
// storefront, run every vitest tier against them, then stop everything.
// Extra arguments are passed to vitest (e.g. `npm test -- --project unit`).
// The static gate (`npm run check`: type checks and ESLint) runs first and fails the run on
// its own; OCOP_SKIP_CHECK=1 skips it (for re-running one spec while iterating).
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { ROOT, StageError, checkNodeVersion, ensureInstalled, freePort, log, stage, stopService } from "./lib/common.mjs"
import { DEMO_ADMIN } from "./lib/backend.mjs"

const passthrough = process.argv.slice(2)
const onlyUnit = passthrough.includes("--project") && passthrough[passthrough.indexOf("--project") + 1] === "unit"
const REPORT = path.join(ROOT, "test-results", "vitest.json")

const services = []
const stops = []

async function cleanup() {
  for (const s of services.reverse()) await stopService(s)
  for (const stop of stops.reverse()) await stop()
}

async function startStack() {
  const storefront = await import("./lib/storefront.mjs")
  const { startThrowawayDatabase, startSeededBackend } = await import("./lib/stack.mjs")
  const db = await startThrowawayDatabase("ocop-test")
  stops.push(db.stop)

  // The backend's port is only known once it starts, but the Stripe server must
  // know where to send webhooks first: reserve the port here.
  const backendPort = await freePort()
  const storefrontPort = await freePort()
  const backendUrl = `http://localhost:${backendPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  // Stripe cannot be reached from here: a local server speaking its wire protocol
  // stands in for api.stripe.com, and the official provider is pointed at it.
  const stripe = await stage("stripe test server", () =>
    startStripeTestServer(`${backendUrl}/hooks/payment/stripe_stripe`, STRIPE_WEBHOOK_SECRET)
  )
  // No SMTP_URL: the shared backend keeps every message as an .eml file here (fresh for each run);
  // tests/integration/notifications.spec.ts runs its own backend against a local SMTP server.
  const mailDir = path.join(ROOT, "test-results", "mail")
  fs.rmSync(mailDir, { recursive: true, force: true })
  /** @type {Record<string, string>} */
  const stripeEnv = stripe
    ? {
        STRIPE_API_KEY: "sk_test_ocop",
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_HOST: "127.0.0.1",
        STRIPE_API_PORT: String(stripe.port),
        STRIPE_API_PROTOCOL: "http",
      }
    : {}
  const backend = await startSeededBackend({
    databaseUrl: db.databaseUrl,
    storefrontUrl,
    port: backendPort,
    // Info level: tests/integration/security-auth.spec.ts checks what notifications write to the log.
    extraEnv: { ...stripeEnv, OCOP_MAIL_DIR: mailDir, LOG_LEVEL: "info" },
    keepSeededCopy: true,
  })
  services.push(backend.service)
  if (backend.seededCopyUrl) {
    const { dropDatabase } = await import("./lib/postgres.mjs")
    stops.push(() => dropDatabase(backend.seededCopyUrl).catch(() => {}))
  }

  const sfEnv = storefront.storefrontEnv({
    backendUrl,
    publishableKey: backend.publishableKey,
    port: storefrontPort,
    extra: {
      OCOP_STOREFRONT_SECRET: backend.env.OCOP_STOREFRONT_SECRET,
      // The card form's publishable key; the browser tests give the page a Stripe.js stand-in that talks to the local server.
      ...(stripe ? { NEXT_PUBLIC_STRIPE_KEY: STRIPE_PUBLISHABLE_KEY } : {}),
    },
  })
  if (!fs.existsSync(path.join(ROOT, "storefront", "src", "app"))) {
    throw new StageError("storefront/src/app is missing: the storefront cannot be built.")
  }
  await stage("storefront build", async () => {
    if (storefront.storefrontBuildIsFresh(sfEnv)) log("storefront build is up to date")
    else await storefront.buildStorefront(sfEnv)
  })
  const sfLog = path.join(ROOT, "test-results", "storefront.log")
  services.push(await stage("storefront server", () => storefront.serveStorefront(sfEnv, { port: storefrontPort, logFile: sfLog })))

  return {
    OCOP_DATABASE_URL: db.databaseUrl,
    OCOP_BACKEND_URL: backendUrl,
    OCOP_BACKEND_PORT: String(backendPort),
    OCOP_STOREFRONT_URL: storefrontUrl,
    OCOP_PUBLISHABLE_KEY: backend.publishableKey,
    OCOP_ADMIN_EMAIL: DEMO_ADMIN.email,
    OCOP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    OCOP_BACKEND_ENV_JSON: JSON.stringify(backend.env),
    OCOP_MAIL_DIR: mailDir,
    // The freshly migrated and seeded database, never connected to: a TEMPLATE for tests' own databases.
    ...(backend.seededCopyUrl ? { OCOP_SEEDED_DATABASE_URL: backend.seededCopyUrl } : {}),
    ...(stripe ? { OCOP_STRIPE_URL: `http://127.0.0.1:${stripe.port}`, OCOP_STRIPE_PUBLISHABLE_KEY: STRIPE_PUBLISHABLE_KEY } : {}),
  }
}

const STRIPE_WEBHOOK_SECRET = "whsec_ocop_test"
const STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"

/** Starts tests/support/stripe-server-cli.ts (TypeScript, through ts-node) and waits for its ready line. */
async function startStripeTestServer(webhookUrl, webhookSecret) {
  const cli = path.join(ROOT, "tests", "support", "stripe-server-cli.ts")
  if (!fs.existsSync(cli)) {
    log("no Stripe test server in this checkout; Stripe stays disabled")
    return null
  }
  const { startService } = await import("./lib/common.mjs")
  const child = startService(
    "stripe",
    process.execPath,
    ["-r", "ts-node/register/transpile-only", cli, "--port", "0", "--webhook-url", webhookUrl, "--webhook-secret", webhookSecret],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tests", "tsconfig.json") }, echo: false, logFile: path.join(ROOT, "test-results", "stripe.log") }
  )
  services.push(child)
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StageError("the Stripe test server did not start within 30 s")), 30000)
    child.stdout.on("data", (chunk) => {
      const m = /STRIPE_SERVER_READY (\d+)/.exec(chunk.toString())
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.exited.then(({ code }) => reject(new StageError(`the Stripe test server exited (${code}); see test-results/stripe.log`)))
  })
  return { port }
}

function runVitest(extraEnv) {
  fs.rmSync(REPORT, { force: true })
  const vitest = path.join(ROOT, "node_modules", ".bin", "vitest")
  const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORT}`, ...passthrough]
  return new Promise((resolve) => {
    const child = spawn(vitest, args, { cwd: ROOT, env: { ...process.env, ...extraEnv }, stdio: "inherit" })
    child.on("exit", (code) => resolve(code ?? 1))
  })
}

/** Prints `N passed, N failed` from vitest's JSON report (the line CI reads). */
export function summaryLine(reportFile = REPORT) {
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8"))
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  return `${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`
}

async function main() {
  checkNodeVersion()
  fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true })
  await stage("dependencies", async () => {
    if (!ensureInstalled()) log("dependencies already installed")
  })
  if (process.env.OCOP_SKIP_CHECK === "1") log("check skipped (OCOP_SKIP_CHECK=1)")
  else {
    const { check } = await import("./check.mjs")
    const passed = await stage("check (types and lint)", () => check())
    if (!passed) throw new StageError("`npm run check` failed (type or lint errors above): no tests were run.")
  }
  const env = onlyUnit ? {} : await startStack()
  const code = await runVitest(env)
  await cleanup()
  if (fs.existsSync(REPORT)) console.log(summaryLine())
  else console.log("0 passed, 1 failed")
  process.exit(code)
}

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await cleanup()
    process.exit(130)
  })
}

main().catch(async (e) => {
  console.error(`[ocop] error: ${e instanceof StageError ? e.message : e?.stack ?? e}`)
  await cleanup()
  console.log("0 passed, 1 failed")
  process.exit(1)
})
