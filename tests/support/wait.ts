import { vi } from "vitest"

/**
 * The one polling helper of the test suites: Vitest's own `vi.waitFor`, for checks that answer with a
 * value rather than an assertion (events are processed asynchronously, so "the order is linked",
 * "the product is indexed" become true a little later). Resolves to the first truthy value `check`
 * returns; a falsy value or a throw means "not yet". Times out with `what` and the last error.
 */
export function until<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  { timeout = 30_000, interval = 250, what = "condition" }: { timeout?: number; interval?: number; what?: string } = {}
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check()
      if (!value) throw new Error(`still waiting for ${what}`)
      return value
    },
    { timeout, interval }
  )
}
