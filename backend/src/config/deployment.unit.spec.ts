import fs from "node:fs"
import path from "node:path"
import {
  assertDemoDataAllowed,
  DEMO_BANK_ACCOUNT,
  DeploymentConfigError,
  deploymentProblems,
  isBuildCommand,
  REQUIRED_SETTINGS,
  resolveDeploymentSettings,
} from "./deployment"

const SECRET = "a".repeat(32)
const complete = {
  JWT_SECRET: SECRET,
  COOKIE_SECRET: "b".repeat(32),
  DATABASE_URL: "postgres://ocop@db:5432/ocop",
  BANK_TRANSFER_BIN: "970415",
  BANK_TRANSFER_ACCOUNT: "123456789",
  BANK_TRANSFER_ACCOUNT_NAME: "HTX OCOP HUE",
  BANK_TRANSFER_BANK_NAME: "VietinBank",
}

describe("deployment settings", () => {
  it("a deployment with nothing set names every missing setting in one message", () => {
    let error: unknown
    try {
      resolveDeploymentSettings({ NODE_ENV: "production" })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DeploymentConfigError)
    const message = (error as Error).message
    for (const name of ["JWT_SECRET", "COOKIE_SECRET", "DATABASE_URL", "BANK_TRANSFER_BIN", "BANK_TRANSFER_ACCOUNT", "BANK_TRANSFER_ACCOUNT_NAME", "BANK_TRANSFER_BANK_NAME"]) {
      expect(message).toMatch(new RegExp(`- ${name} must be set`))
    }
    expect(message).toMatch(/OCOP_DEMO is not "true"/)
    expect(message).not.toMatch(/STRIPE_WEBHOOK_SECRET/)
  })

  it("NODE_ENV does not matter: development without OCOP_DEMO is a deployment too", () => {
    expect(deploymentProblems({ NODE_ENV: "development" }).length).toBe(7)
    expect(deploymentProblems({}).length).toBe(7)
  })

  it("short, published or demo secrets are refused", () => {
    for (const bad of ["short", "supersecret", "dev-only-jwt_secret-not-for-production"]) {
      expect(deploymentProblems({ ...complete, JWT_SECRET: bad })).toEqual([
        "JWT_SECRET must be set to a random string of at least 16 characters",
      ])
    }
  })

  it("Stripe on needs its webhook secret", () => {
    expect(deploymentProblems({ ...complete, STRIPE_API_KEY: "sk_live_x" })).toEqual([
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET must be set when STRIPE_API_KEY is/),
    ])
    expect(deploymentProblems({ ...complete, STRIPE_API_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toEqual([])
  })

  it("a complete deployment gets exactly its own values, no demo account", () => {
    const s = resolveDeploymentSettings(complete)
    expect(s).toEqual({
      demo: false,
      jwtSecret: complete.JWT_SECRET,
      cookieSecret: complete.COOKIE_SECRET,
      bankTransfer: { bank_bin: "970415", account_number: "123456789", account_name: "HTX OCOP HUE", bank_name: "VietinBank" },
      stripeWebhookSecret: undefined,
    })
  })

  it("the demo (OCOP_DEMO=true only) falls back to throwaway secrets and the demo bank account", () => {
    const s = resolveDeploymentSettings({ OCOP_DEMO: "true", STRIPE_API_KEY: "sk_test_x" })
    expect(s.demo).toBe(true)
    expect(s.jwtSecret).toMatch(/^dev-only-/)
    expect(s.bankTransfer).toEqual(DEMO_BANK_ACCOUNT)
    expect(s.stripeWebhookSecret).toBeUndefined()
    // Real values still win in the demo.
    expect(resolveDeploymentSettings({ OCOP_DEMO: "true", JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET)
  })

  it("an OCOP_DEMO that is neither true nor unset is a typo, refused rather than guessed", () => {
    expect(deploymentProblems({ ...complete, OCOP_DEMO: "1" })).toEqual(['OCOP_DEMO must be "true" (the local demo) or unset, got "1"'])
    expect(deploymentProblems({ ...complete, OCOP_DEMO: "false" })).toEqual([])
  })

  it("only `medusa build` is exempt", () => {
    expect(isBuildCommand(["node", "medusa", "build"])).toBe(true)
    expect(isBuildCommand(["node", "medusa", "start"])).toBe(false)
    expect(isBuildCommand(["node", "medusa", "exec", "./build.ts"])).toBe(false)
  })

  it("demo data only in the demo", () => {
    expect(() => assertDemoDataAllowed({}, "the demo catalogue")).toThrow(/Refusing to create the demo catalogue: OCOP_DEMO is not "true"/)
    expect(() => assertDemoDataAllowed({ OCOP_DEMO: "yes" }, "x")).toThrow()
    expect(() => assertDemoDataAllowed({ OCOP_DEMO: "true" }, "x")).not.toThrow()
  })
})

describe("docker-compose.yml (a deployment)", () => {
  const compose = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "docker-compose.yml"), "utf8")
  const backendEnv = compose.slice(compose.indexOf("environment: &backend-env"), compose.indexOf("\nservices:"))

  it("never passes OCOP_DEMO", () => {
    expect(compose).not.toMatch(/^\s*OCOP_DEMO\s*:/m)
  })

  it("passes every required setting, each required from the operator (no default)", () => {
    for (const name of [...REQUIRED_SETTINGS, "STRIPE_WEBHOOK_SECRET"]) {
      expect(backendEnv, name).toMatch(new RegExp(`^\\s+${name}: `, "m"))
    }
    for (const name of ["JWT_SECRET", "COOKIE_SECRET", "BANK_TRANSFER_BIN", "BANK_TRANSFER_ACCOUNT", "BANK_TRANSFER_ACCOUNT_NAME", "BANK_TRANSFER_BANK_NAME"]) {
      expect(backendEnv, name).toMatch(new RegExp(`^\\s+${name}: \\$\\{${name}:\\?`, "m"))
    }
  })
})
