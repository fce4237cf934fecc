import type { ILockingProvider } from "@medusajs/framework/types"
import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"

/**
 * Medusa's in-memory locking provider, with a longer wait for `execute()` calls that name no
 * timeout. complete-cart reserves stock inside `locking.execute(inventoryItemIds, …)` with no
 * timeout, so the provider's default (5 s) applies: when many shoppers check out the same
 * product at once, the queue for that one lock grows past 5 s on a busy server and the late
 * ones fail with "Timed-out acquiring lock" (a 500) instead of getting their answer — an order,
 * or "out of stock". Each holder keeps the lock only for one reservation (a few queries), so
 * waiting longer is safe; stock is still checked and reserved strictly one at a time.
 * (The Redis provider has a `waitLockingTimeout` option for the same purpose; see medusa-config.)
 */
export const PATIENT_LOCK_TIMEOUT_SECONDS = 60

export default class PatientInMemoryLockingProvider implements ILockingProvider {
  static identifier = "in-memory-patient"
  private readonly inner = new InMemoryLockingProvider()

  execute<T>(keys: string | string[], job: (signal?: AbortSignal) => Promise<T>, args?: { timeout?: number; expire?: number }) {
    return this.inner.execute(keys, job, { ...args, timeout: args?.timeout ?? PATIENT_LOCK_TIMEOUT_SECONDS })
  }
  acquire(keys: string | string[], args?: { ownerId?: string | null; expire?: number; awaitQueue?: boolean }) {
    return this.inner.acquire(keys, args)
  }
  release(keys: string | string[], args?: { ownerId?: string | null }) {
    return this.inner.release(keys, args)
  }
  releaseAll(args?: { ownerId?: string | null }) {
    return this.inner.releaseAll(args)
  }
}
