/**
 * Crash recovery for checkout. Medusa's complete-cart workflow is a chain of separately
 * committed steps (create the order → link it to the cart, mark the cart completed, reserve
 * stock → authorize the payment). If the process dies in the middle (kill -9, OOM, a host
 * reboot), the in-memory workflow engine never runs the compensations, and the cart is left
 * half-completed: an order without a payment, stock reserved for nobody, or an order not yet
 * linked to its cart (so a retry would place a second one).
 *
 * Every complete-cart run is checkpointed in `workflow_execution` (the workflow has a
 * retention time, so Medusa stores it). This job finds runs that are still "invoking" but
 * whose process is gone, and cancels them through the workflow engine, which runs the same
 * compensations a failed checkout runs: the order, links, reservations and payment are
 * rolled back and the cart can be completed again. The shopper never got a confirmation for
 * such a run (the answer is only sent once the workflow has finished).
 *
 * "Gone" without a process registry: the run was last checkpointed before this process
 * booted (so no live process of this kind owns it when there is one server) or longer ago
 * than the cart lock's TTL (after which Medusa itself lets another completion in), and in
 * both cases not for QUIET_MS (a step in flight checkpoints far more often).
 * With Redis the workflow engine is shared between processes and this job stays out of it.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, TransactionState } from "@medusajs/framework/utils"
import { completeCartWorkflowId } from "@medusajs/medusa/core-flows"

const BOOTED_AT = Date.now()
const QUIET_MS = 10_000
/** complete-cart locks the cart for two minutes (core-flows, TWO_MINUTES). */
const CART_LOCK_TTL_MS = 120_000

export function isAbandoned(updatedAt: Date | string, now = Date.now(), bootedAt = BOOTED_AT): boolean {
  const touched = new Date(updatedAt).getTime()
  if (now - touched < QUIET_MS) return false
  return touched < bootedAt || now - touched > CART_LOCK_TTL_MS
}

export default async function recoverInterruptedCheckouts(container: MedusaContainer) {
  if (process.env.REDIS_URL) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const executions = await engine.listWorkflowExecutions(
    { workflow_id: completeCartWorkflowId, state: TransactionState.INVOKING } as any,
    { select: ["id", "transaction_id", "updated_at"], take: 200, order: { updated_at: "ASC" } } as any
  )
  for (const execution of executions as any[]) {
    if (!isAbandoned(execution.updated_at)) continue
    try {
      const { errors } = await engine.cancel(completeCartWorkflowId, {
        transactionId: execution.transaction_id,
        throwOnError: false,
      } as any)
      if (errors?.length) {
        logger.error(`Interrupted checkout ${execution.transaction_id}: rollback reported ${errors.map((e: any) => e.error?.message ?? e).join("; ")}`)
      } else {
        logger.warn(`Interrupted checkout ${execution.transaction_id} rolled back: its cart can be completed again.`)
      }
    } catch (e) {
      logger.error(`Interrupted checkout ${execution.transaction_id} could not be rolled back: ${(e as Error).message}`)
    }
  }
}

export const config = {
  name: "recover-interrupted-checkouts",
  // Soon after boot (when the leftovers of a crash are found), then twice a minute.
  schedule: { interval: 15_000 },
}
