/**
 * Runs the local Stripe test server (stripe-server.ts) as a standalone process,
 * for tests that drive a separately running backend.
 *
 *   node -r ts-node/register/transpile-only tests/support/stripe-server-cli.ts \
 *     --port 0 --webhook-url http://localhost:9000/hooks/payment/stripe_stripe \
 *     --webhook-secret whsec_x [--host 127.0.0.1] [--auto-webhooks[=type,type…]]
 *
 * Prints exactly one line `STRIPE_SERVER_READY <port>` on stdout once it listens
 * (everything else goes to stderr) and exits with code 0 on SIGTERM or SIGINT.
 * Tests reach the recorded requests and webhook controls through the server's
 * `/_test/` endpoints (see stripe-server.ts).
 */
import { startStripeServer, type StripeServerOptions } from "./stripe-server"

export interface CliOptions {
  port: number
  host: string
  webhookUrl?: string
  webhookSecret?: string
  autoWebhooks: boolean | string[]
}

const USAGE =
  "usage: stripe-server-cli.ts [--port N] [--host H] [--webhook-url URL --webhook-secret SECRET] [--auto-webhooks[=type,…]]"

/** Parses `--name value` and `--name=value`; throws with a usage line on anything unknown. */
export function parseCliArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 0, host: "127.0.0.1", autoWebhooks: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.indexOf("=")
    const name = eq === -1 ? arg : arg.slice(0, eq)
    const inline = eq === -1 ? undefined : arg.slice(eq + 1)
    const value = (): string => {
      if (inline !== undefined) return inline
      const next = argv[++i]
      if (next === undefined || next.startsWith("--")) throw new Error(`${name} needs a value\n${USAGE}`)
      return next
    }
    switch (name) {
      case "--port": {
        const raw = value()
        const port = Number(raw)
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${raw}"`)
        options.port = port
        break
      }
      case "--host":
        options.host = value()
        break
      case "--webhook-url":
        options.webhookUrl = value()
        break
      case "--webhook-secret":
        options.webhookSecret = value()
        break
      case "--auto-webhooks":
        options.autoWebhooks = inline ? inline.split(",").map((t) => t.trim()).filter(Boolean) : true
        break
      case "--help":
      case "-h":
        throw new Error(USAGE)
      default:
        throw new Error(`unknown argument "${arg}"\n${USAGE}`)
    }
  }
  if (Boolean(options.webhookUrl) !== Boolean(options.webhookSecret)) {
    throw new Error(`--webhook-url and --webhook-secret go together\n${USAGE}`)
  }
  if (options.webhookUrl) new URL(options.webhookUrl) // throws on a malformed URL
  if (options.autoWebhooks !== false && !options.webhookUrl) {
    throw new Error(`--auto-webhooks needs --webhook-url and --webhook-secret\n${USAGE}`)
  }
  return options
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let cli: CliOptions
  try {
    cli = parseCliArgs(argv)
  } catch (e) {
    process.stderr.write(`stripe-server-cli: ${(e as Error).message}\n`)
    process.exit(2)
  }
  const options: StripeServerOptions = {
    port: cli.port,
    host: cli.host,
    webhook: cli.webhookUrl ? { url: cli.webhookUrl, secret: cli.webhookSecret! } : undefined,
    autoWebhooks: cli.autoWebhooks,
  }
  const server = await startStripeServer(options)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`stripe-server-cli: ${signal}, stopping\n`)
    // Don't hang on a webhook the backend never answers: stop() waits for deliveries.
    const force = setTimeout(() => process.exit(0), 5000)
    force.unref()
    server.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`stripe-server-cli: error while stopping: ${String(e)}\n`)
        process.exit(1)
      }
    )
  }
  process.on("SIGTERM", () => stop("SIGTERM"))
  process.on("SIGINT", () => stop("SIGINT"))

  process.stderr.write(
    `stripe-server-cli: listening on ${server.url}` +
      (options.webhook ? `, webhooks to ${options.webhook.url}${cli.autoWebhooks ? " (automatic)" : ""}` : "") +
      "\n"
  )
  process.stdout.write(`STRIPE_SERVER_READY ${server.port}\n`)
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`stripe-server-cli: ${(e as Error)?.stack ?? String(e)}\n`)
    process.exit(1)
  })
}
