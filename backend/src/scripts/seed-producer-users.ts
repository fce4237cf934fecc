/**
 * Demo producer-portal logins (idempotent). Called at the end of seed.ts, and
 * runnable alone: `medusa exec ./src/scripts/seed-producer-users.ts`.
 *
 *   anlo@ocop-hue.vn  / producer-2026  → HTX An Lỗ (htx-an-lo)
 *   baola@ocop-hue.vn / producer-2026  → HTX mây tre đan Bao La (htx-may-tre-dan-bao-la)
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { assertDemoDataAllowed } from "../config/deployment"
import { OCOP_MODULE } from "../modules/ocop"
import type OcopModuleService from "../modules/ocop/service"
import { PRODUCER_PORTAL_MODULE } from "../modules/producer-portal"
import type ProducerPortalModuleService from "../modules/producer-portal/service"

export const DEMO_PRODUCER_PASSWORD = "producer-2026"
export const DEMO_PRODUCER_LOGINS = [
  { email: "anlo@ocop-hue.vn", handle: "htx-an-lo", first_name: "Lan", last_name: "Trần (demo)" },
  { email: "baola@ocop-hue.vn", handle: "htx-may-tre-dan-bao-la", first_name: "Minh", last_name: "Nguyễn (demo)" },
]

export async function seedProducerUsers(container: MedusaContainer) {
  // Published passwords: never on a deployment (src/config/deployment.ts).
  assertDemoDataAllowed(process.env, "the demo producer logins")
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const auth = container.resolve(Modules.AUTH)
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const portal: ProducerPortalModuleService = container.resolve(PRODUCER_PORTAL_MODULE)
  const created: string[] = []
  for (const demo of DEMO_PRODUCER_LOGINS) {
    const [producer] = await ocop.listProducers({ handle: demo.handle }, { select: ["id"] })
    if (!producer) continue
    let [user] = await portal.listProducerUsers({ email: demo.email })
    if (!user) {
      user = await portal.createProducerUsers({
        producer_id: producer.id,
        email: demo.email,
        role: "owner",
        first_name: demo.first_name,
        last_name: demo.last_name,
      })
    }
    const [provider] = await auth.listProviderIdentities({ entity_id: demo.email, provider: "emailpass" }, { select: ["auth_identity_id"] })
    let identityId = provider?.auth_identity_id as string | undefined
    if (!identityId) {
      // The emailpass provider hashes the password exactly as a sign-up would.
      const { success, authIdentity, error } = await auth.register("emailpass", { body: { email: demo.email, password: DEMO_PRODUCER_PASSWORD } } as any)
      if (!success || !authIdentity) throw new Error(`could not create the demo login ${demo.email}: ${error}`)
      identityId = authIdentity.id
    }
    const identity = await auth.retrieveAuthIdentity(identityId)
    if ((identity.app_metadata as any)?.producer_id !== user.id) {
      await auth.updateAuthIdentities({ id: identityId, app_metadata: { ...(identity.app_metadata ?? {}), producer_id: user.id } })
      created.push(demo.email)
    }
  }
  if (created.length) logger.info(`Producer portal demo logins: ${created.join(", ")} (password ${DEMO_PRODUCER_PASSWORD}).`)
}

export default async function run({ container }: ExecArgs) {
  await seedProducerUsers(container)
}
