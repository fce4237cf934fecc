/**
 * Deployment safety: one rule for every fallback and every piece of demo data.
 *
 * The local demo (`npm start`, `npm test`, the benchmarks — scripts/lib/backend.mjs sets
 * OCOP_DEMO=true) may run on throwaway secrets, a demo bank account and an optional Stripe
 * webhook secret, and its seed creates demo producer logins and `DEMO-` certificates.
 * Anything else is a deployment, whatever NODE_ENV says (the old rule trusted
 * `NODE_ENV === "production"`, and a mistyped or missing NODE_ENV served tokens signed
 * with a published secret): a deployment gets no fallback at all, and refuses to start
 * with one message naming every setting it lacks.
 *
 * Pure (no I/O, the environment is passed in) so medusa-config.ts and the seed share it
 * and it is unit-tested on its own (deployment.unit.spec.ts).
 */

export type Env = Record<string, string | undefined>

export const MIN_SECRET_LENGTH = 16

/** The demo's VietQR account: Vietcombank's BIN, an account number nobody owns. */
export const DEMO_BANK_ACCOUNT = {
  bank_bin: "970436",
  account_number: "0011000000000",
  account_name: "CONG TY OCOP HUE DEMO",
  bank_name: "Vietcombank (demo account)",
} as const

const DEMO_SECRET_PREFIX = "dev-only-"
/** Values that appear in Medusa's starters and docs: as good as no secret. */
const PUBLISHED_SECRETS = new Set(["supersecret", "secret", "changeme", "something"])

export type BankTransferOptions = { bank_bin: string; account_number: string; account_name: string; bank_name: string }

export type DeploymentSettings = {
  demo: boolean
  jwtSecret: string
  cookieSecret: string
  bankTransfer: BankTransferOptions
  stripeWebhookSecret: string | undefined
}

export class DeploymentConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        `Refusing to start: OCOP_DEMO is not "true", so this is a deployment and it has no demo fallbacks. Missing or unsafe settings:`,
        ...problems.map((p) => `  - ${p}`),
        `Set them (README › Configuration, docker-compose.yml), or run the local demo with OCOP_DEMO=true (npm start sets it).`,
      ].join("\n")
    )
    this.name = "DeploymentConfigError"
  }
}

/** Only the exact value "true" asks for the demo; anything else set is a typo to refuse, not to guess. */
export function isDemo(env: Env): boolean {
  return env.OCOP_DEMO === "true"
}

function usableSecret(value: string | undefined): boolean {
  return !!value && value.length >= MIN_SECRET_LENGTH && !value.startsWith(DEMO_SECRET_PREFIX) && !PUBLISHED_SECRETS.has(value.toLowerCase())
}

const present = (value: string | undefined) => !!value && value.trim().length > 0

const BANK_SETTINGS: Array<[keyof BankTransferOptions, string, string]> = [
  ["bank_bin", "BANK_TRANSFER_BIN", "the 6-digit NAPAS BIN of the bank VietQR codes pay into"],
  ["account_number", "BANK_TRANSFER_ACCOUNT", "the account number VietQR codes pay into"],
  ["account_name", "BANK_TRANSFER_ACCOUNT_NAME", "the account holder's name as the bank knows it"],
  ["bank_name", "BANK_TRANSFER_BANK_NAME", "the bank's name shown to shoppers"],
]

/** What a deployment must set (STRIPE_WEBHOOK_SECRET too when STRIPE_API_KEY is set). */
export const REQUIRED_SETTINGS = ["JWT_SECRET", "COOKIE_SECRET", "DATABASE_URL", ...BANK_SETTINGS.map(([, name]) => name)] as const

/**
 * Every problem of a deployment's environment, one line each, in a stable order.
 * Empty for the demo (its fallbacks fill the gaps) and for a complete deployment.
 */
export function deploymentProblems(env: Env): string[] {
  const problems: string[] = []
  if (env.OCOP_DEMO !== undefined && env.OCOP_DEMO !== "" && env.OCOP_DEMO !== "true" && env.OCOP_DEMO !== "false") {
    problems.push(`OCOP_DEMO must be "true" (the local demo) or unset, got "${env.OCOP_DEMO}"`)
  }
  if (isDemo(env)) return problems
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"] as const) {
    if (!usableSecret(env[name])) problems.push(`${name} must be set to a random string of at least ${MIN_SECRET_LENGTH} characters`)
  }
  if (!present(env.DATABASE_URL)) problems.push("DATABASE_URL must be set to the PostgreSQL connection string")
  for (const [, name, what] of BANK_SETTINGS) {
    if (!present(env[name])) problems.push(`${name} must be set to ${what}`)
  }
  if (present(env.STRIPE_API_KEY) && !present(env.STRIPE_WEBHOOK_SECRET)) {
    problems.push("STRIPE_WEBHOOK_SECRET must be set when STRIPE_API_KEY is (Stripe's signing secret, whsec_…): without it payment webhooks cannot be verified")
  }
  return problems
}

/**
 * The settings medusa-config.ts uses: the deployment's own, or in the demo the throwaway
 * fallbacks for what is missing. Throws one DeploymentConfigError naming each problem.
 */
export function resolveDeploymentSettings(env: Env): DeploymentSettings {
  const problems = deploymentProblems(env)
  if (problems.length) throw new DeploymentConfigError(problems)
  const demo = isDemo(env)
  const secret = (name: "JWT_SECRET" | "COOKIE_SECRET") =>
    usableSecret(env[name]) ? env[name]! : `${DEMO_SECRET_PREFIX}${name.toLowerCase()}-not-for-production`
  const bankTransfer = Object.fromEntries(
    BANK_SETTINGS.map(([key, name]) => [key, present(env[name]) ? env[name]!.trim() : DEMO_BANK_ACCOUNT[key]])
  ) as BankTransferOptions
  return {
    demo,
    jwtSecret: secret("JWT_SECRET"),
    cookieSecret: secret("COOKIE_SECRET"),
    bankTransfer,
    stripeWebhookSecret: present(env.STRIPE_WEBHOOK_SECRET) ? env.STRIPE_WEBHOOK_SECRET : undefined,
  }
}

/**
 * `medusa build` loads the config to bundle the admin but starts nothing, connects to nothing
 * and keeps no secret (the built config is evaluated again by `medusa start`): an image build
 * (backend/Dockerfile) has no secrets and must not need them.
 */
export function isBuildCommand(argv: string[]): boolean {
  return argv[2] === "build"
}

/** The demo catalogue's logins and `DEMO-` certificates exist only in the demo. */
export function assertDemoDataAllowed(env: Env, what: string): void {
  if (isDemo(env)) return
  throw new Error(
    `Refusing to create ${what}: OCOP_DEMO is not "true". The demo catalogue has published producer logins and ` +
      `invented DEMO- certificates; it belongs to the local demo only (npm start sets OCOP_DEMO=true). ` +
      `A deployment records its producers and certifications through the admin.`
  )
}
