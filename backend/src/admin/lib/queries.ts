import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import { errorMessage, sdk } from "./sdk"

/**
 * Data fetching for the OCOP admin extensions, as Medusa's admin documentation does it: the JS SDK for the request,
 * the dashboard's own `@tanstack/react-query` client (same version as @medusajs/dashboard, so the same
 * QueryClientProvider) for caching, loading state and refetching.
 *
 * Every key starts with "ocop": a successful OCOP action invalidates them all, so every list on screen (curation
 * queues, producers, the product widget) shows the outcome without a manual reload.
 */
export const OCOP_QUERY_KEY = "ocop"
const OCOP = OCOP_QUERY_KEY

export function useOcopList<T>(path: string, query: Record<string, string | number | boolean | undefined> = {}, enabled = true) {
  return useQuery({
    queryKey: [OCOP, path, query],
    queryFn: () => sdk.client.fetch<T>(path, { query }),
    enabled,
  })
}

/** A POST to an OCOP admin route; toasts the outcome and refreshes every OCOP query on success. */
export function useOcopAction<TResponse = unknown>({ success = "Saved" }: { success?: string | null } = {}) {
  const client = useQueryClient()
  const mutation = useMutation({
    mutationFn: ({ path, body = {} }: { path: string; body?: Record<string, unknown> }) =>
      sdk.client.fetch<TResponse>(path, { method: "POST", body }),
    onSuccess: async () => {
      if (success) toast.success(success)
      await client.invalidateQueries({ queryKey: [OCOP] })
    },
    onError: (e) => void toast.error(errorMessage(e)),
  })
  /** Resolves to the response, or null when the request failed (already toasted). */
  const run = (path: string, body?: Record<string, unknown>) => mutation.mutateAsync({ path, body }).catch(() => null)
  return { run, pending: mutation.isPending }
}
