/**
 * The one platform configuration of the Huế OCOP marketplace.
 *
 * Every module and provider is chosen from the environment: with nothing set you
 * get the embedded defaults (local event bus, in-memory workflow engine, Postgres
 * search, local files, local notifications, cash on delivery and bank transfer).
 * REDIS_URL, MEILISEARCH_HOST and STRIPE_API_KEY switch on the production pieces;
 * MEDUSA_WORKER_MODE (server | worker | shared) splits HTTP from background work.
 *
 * `backend/medusa-config.ts` is a symlink to this file: Medusa's CLI and
 * `medusa build` read the config from the application folder.
 */
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = process.env

// Secrets, the bank account and Stripe's webhook secret come from one rule (src/config/deployment.ts):
// fallbacks only for the local demo (OCOP_DEMO=true, set by npm start / npm test); a deployment
// missing any of them stops here with one message naming each. `medusa build` is exempt: it starts
// nothing and the built config is evaluated again by `medusa start`.
//
// backend/medusa-config.ts is a symlink to this file, and Node resolves a module's relative
// requires from its real path: from the sources that is the repository root (the module is in
// ./backend/src), from the build backend/.medusa/server (./src). A static import works in only
// one of them, so the module is found by trying both.
type DeploymentModule = {
  isBuildCommand(argv: string[]): boolean
  resolveDeploymentSettings(env: Record<string, string | undefined>): {
    jwtSecret: string
    cookieSecret: string
    bankTransfer: Record<string, string>
    stripeWebhookSecret: string | undefined
  }
}
const deploymentModulePath = ["./src/config/deployment", "./backend/src/config/deployment"].find((candidate) => {
  try {
    return !!require.resolve(candidate)
  } catch {
    return false
  }
})
if (!deploymentModulePath) throw new Error("medusa-config: src/config/deployment was not found beside the config")
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/unbound-method -- the path is only known at run time (see above); both are plain functions
const { isBuildCommand, resolveDeploymentSettings }: DeploymentModule = require(deploymentModulePath)
const deployment = isBuildCommand(process.argv)
  ? resolveDeploymentSettings({ ...env, OCOP_DEMO: "true" })
  : resolveDeploymentSettings(env)

const redisUrl = env.REDIS_URL
const workerMode = (env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared"

const paymentProviders: Array<Record<string, unknown>> = [
  {
    resolve: "./src/modules/payment-cod",
    id: "cod",
  },
  {
    resolve: "./src/modules/payment-bank-transfer",
    id: "bank-transfer",
    options: deployment.bankTransfer,
  },
]
if (env.STRIPE_API_KEY) {
  paymentProviders.push({
    resolve: "./src/modules/payment-stripe-ocop",
    id: "stripe",
    options: {
      apiKey: env.STRIPE_API_KEY,
      webhookSecret: deployment.stripeWebhookSecret,
      capture: env.STRIPE_CAPTURE_METHOD !== "manual",
      // Only tests set these: they point the official client at a local server.
      apiHost: env.STRIPE_API_HOST,
      apiPort: env.STRIPE_API_PORT ? Number(env.STRIPE_API_PORT) : undefined,
      apiProtocol: env.STRIPE_API_PROTOCOL,
    },
  })
}

const modules: Array<Record<string, unknown>> = [
  { resolve: "./src/modules/ocop" },
  // Producer portal: users of the `producer` actor type, team invites, listing change log.
  { resolve: "./src/modules/producer-portal" },
  // Mail preferences of shoppers and producers (opt-out of non-essential mail, producer language).
  { resolve: "./src/modules/notification-preference" },
  // Marketplace money: commission rules, the producers' ledger, bank accounts and payouts.
  { resolve: "./src/modules/marketplace-finance" },
  // Traceability: GTINs, producers' lots and their GS1 Digital Link.
  { resolve: "./src/modules/traceability" },
  {
    resolve: "@medusajs/medusa/payment",
    options: { providers: paymentProviders },
  },
]

// Product search (backend/src/search): our tuned PostgreSQL provider by default, Meilisearch when
// MEILISEARCH_HOST is set. The stock PostgreSQL provider stays registered (never the default) so that
// `medusa db:migrate` can retire index versions it built before the tuned one existed.
const searchProviders: Array<Record<string, unknown>> = [
  { resolve: "./src/search/postgres", id: "postgres", options: { engine: "native" } },
  { resolve: "@medusajs/medusa/search-postgres", id: "postgres-stock", options: { engine: "native" } },
]
if (env.MEILISEARCH_HOST) {
  searchProviders.push({
    resolve: "./src/modules/search-meilisearch",
    id: "meilisearch",
    options: { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY },
  })
}
modules.push({
  resolve: "@medusajs/medusa/search",
  options: {
    default_provider: env.MEILISEARCH_HOST ? "meilisearch" : "search-postgres-ocop",
    providers: searchProviders,
  },
})

// Several server and worker processes share one database and this Redis
// (tests/integration/scale-out.spec.ts runs two servers and two workers):
// events are queued in Redis and handled by a worker, scheduled jobs run once
// per tick across all workers, locks and caches are shared. One Redis database
// per deployment: the queue names are fixed.
if (redisUrl) {
  modules.push(
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    // The (older) Cache module: the Auth module keeps OAuth state and MFA
    // challenges in it, which must survive a login that starts on one server
    // and finishes on another. Medusa's default is in-process memory.
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          // A hot product's reservation lock can queue many checkouts: wait for it instead of
          // failing after the default 5 s (see src/medusa-workarounds/locking-patient for the in-memory twin).
          { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl, waitLockingTimeout: 60 } },
        ],
      },
    },
    // Query-result caching (see the caching note below `featureFlags`): shared through Redis, and
    // invalidated through the event bus in the emitting process — the scale-out test warms it on
    // one server and checks a revocation through another is never stale.
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }],
      },
    }
  )
}

if (!redisUrl) {
  // In-memory locks, but patient ones: see src/medusa-workarounds/locking-patient/service.ts.
  modules.push({
    resolve: "@medusajs/medusa/locking",
    options: { providers: [{ resolve: "./src/medusa-workarounds/locking-patient", id: "patient", is_default: true }] },
  })
  // One process: the query cache lives in its memory (LRU, invalidated by the same events).
  modules.push({ resolve: "@medusajs/medusa/caching", options: { in_memory: { enable: true } } })
}

const storefrontUrl = env.STOREFRONT_URL || "http://localhost:8000"
const backendUrl = env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`

// Uploaded files (producer listing images and certificate evidence, admin uploads), through Medusa's
// File Module. By default on local disk in assets/uploads (relative to the server's working directory;
// gitignored), served by the backend at <MEDUSA_BACKEND_URL>/static/uploads through
// src/api/static-files.ts (nosniff, type from the extension, PDFs as attachments, sandbox CSP) — not
// Medusa's static/ folder, which it serves before any middleware can add those headers. Private files
// (admin exports) go to private-uploads, which nothing serves.
// With S3_BUCKET set, files go to an S3-compatible bucket instead (AWS S3, MinIO, Cloudflare R2, …):
// the one choice for several servers on several hosts. S3_FILE_URL is the public base URL of the
// bucket; give it its own domain (never the admin's origin) and let it add nosniff and a CSP there.
const s3Bucket = env.S3_BUCKET
if (s3Bucket) {
  const missing = ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FILE_URL"].filter((name) => !env[name])
  if (missing.length) throw new Error(`S3_BUCKET is set: also set ${missing.join(", ")} (see README, Configuration).`)
}
modules.push({
  resolve: "@medusajs/medusa/file",
  options: {
    providers: [
      s3Bucket
        ? {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              bucket: s3Bucket,
              region: env.S3_REGION,
              endpoint: env.S3_ENDPOINT || undefined,
              access_key_id: env.S3_ACCESS_KEY_ID,
              secret_access_key: env.S3_SECRET_ACCESS_KEY,
              file_url: env.S3_FILE_URL!.replace(/\/$/, ""),
              // MinIO and most self-hosted S3 servers address buckets by path, not by host name.
              additional_client_config: env.S3_ENDPOINT ? { forcePathStyle: true } : {},
            },
          }
        : {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              upload_dir: "assets/uploads",
              private_upload_dir: "private-uploads",
              backend_url: `${backendUrl.replace(/\/$/, "")}/static/uploads`,
            },
          },
    ],
  },
})

// Notifications: email through our nodemailer provider (backend/src/modules/notification-mail) —
// SMTP when SMTP_URL is set (MAIL_FROM is then required), otherwise every message is kept as an
// .eml file in OCOP_MAIL_DIR, listed by the local mail viewer at /dev/mail (loopback URLs only).
// Password resets and producer invites are email too; their links are stored sealed (never the token
// in clear in the notification table). The `feed` channel (nothing of ours uses it today) goes to our
// log provider instead of Medusa's local one, which logs each notification's data; ours logs the
// recipient and template only (src/modules/notification-log).
// backend/src/modules/notification-mail/settings.ts reads the same variables for the viewer.
modules.push({
  resolve: "@medusajs/medusa/notification",
  options: {
    providers: [
      {
        resolve: "./src/modules/notification-mail",
        id: "mail",
        options: {
          channels: ["email"],
          smtp_url: env.SMTP_URL || undefined,
          from: env.MAIL_FROM || (env.SMTP_URL ? undefined : "Chợ OCOP Huế <no-reply@ocop-hue.local>"),
          mail_dir: env.OCOP_MAIL_DIR || ".data/mail",
          retries: env.OCOP_MAIL_RETRIES ? Number(env.OCOP_MAIL_RETRIES) : 4,
          retry_base_ms: env.OCOP_MAIL_RETRY_BASE_MS ? Number(env.OCOP_MAIL_RETRY_BASE_MS) : 500,
          // Opens the sealed reset and invite links (src/notifications/secrets.ts).
          seal_secret: deployment.jwtSecret,
        },
      },
      { resolve: "./src/modules/notification-log", id: "log", options: { channels: ["feed"] } },
    ],
  },
})

// The admin's session cookie. Medusa marks it `Secure` whenever NODE_ENV=production, and
// express-session silently drops a Secure cookie on a plain-HTTP request: the quick start
// (`npm start` serves the built backend with NODE_ENV=production on http://localhost) then signs
// the admin in and out in the same breath. So `Secure` follows the public URL the backend is
// served at, not NODE_ENV: an https:// MEDUSA_BACKEND_URL (any real deployment, including one
// behind a TLS-terminating proxy that sends `X-Forwarded-Proto: https` — Medusa trusts one proxy
// hop) keeps the cookie Secure, and a Secure cookie is then never sent or set over plain HTTP.
// Only an http:// URL on a loopback host (the local demo) gets a non-Secure cookie; anything
// else over plain HTTP stays Secure, so a misconfigured deployment fails closed (no session)
// rather than leaking one. COOKIE_SECURE=true|false overrides the choice explicitly.
function sessionCookieIsSecure(publicUrl: string, override = env.COOKIE_SECURE): boolean {
  if (override === "true") return true
  if (override === "false") return false
  const url = new URL(publicUrl)
  if (url.protocol === "https:") return true
  return !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    databaseLogging: false,
    redisUrl,
    workerMode,
    http: {
      storeCors: env.STORE_CORS || storefrontUrl,
      adminCors: env.ADMIN_CORS || backendUrl,
      authCors: env.AUTH_CORS || [storefrontUrl, backendUrl].join(","),
      jwtSecret: deployment.jwtSecret,
      cookieSecret: deployment.cookieSecret,
      // Producers sign in with email and password only (POST /auth/producer/emailpass);
      // actor types not listed here keep every registered provider.
      authMethodsPerActor: { producer: ["emailpass"] },
    },
    cookieOptions: { secure: sessionCookieIsSecure(backendUrl), sameSite: "lax" },
  },
  admin: {
    disable: env.DISABLE_ADMIN === "true" || workerMode === "worker",
    // The dashboard is served by this backend, so it calls its own origin ("/"): one build then works
    // on any port and host (the test stack picks free ports; a proxy may rename the host).
    // ADMIN_BACKEND_URL is for a dashboard hosted elsewhere.
    backendUrl: env.ADMIN_BACKEND_URL || "/",
  },
  modules,
  // Medusa's query cache: store routes (product lists and pages, the publishable-key and region
  // look-ups every store request makes) are served from the caching module and invalidated by
  // entity events. It is what brings the catalogue listing under 150 ms p95 at 8 connections on
  // two cores (bench/results/api-quick.md: ≈ 12 listings/s without it, ≈ 120 with it). A 2.21
  // feature flag: every test tier runs with it; `MEDUSA_FF_CACHING=false` (the environment wins
  // over this) turns it off.
  featureFlags: { caching: true },
})

export { Modules }
