import { Label, Prompt, Textarea } from "@medusajs/ui"
import { useCallback, useState } from "react"

type Ask = {
  title: string
  description: string
  /** A reason is required (suspend, revoke, reject): the confirm button stays disabled until one is typed. */
  required: boolean
  confirmText: string
  variant?: "danger" | "confirmation"
}
type Pending = Ask & { resolve: (reason: string | null) => void }

/**
 * Asks the admin for a reason in the dashboard's own dialog (a labelled text area, Escape cancels),
 * instead of `window.prompt`, which cannot be styled, labelled or themed and which some browsers
 * suppress. `ask()` resolves to the trimmed reason, "" when an optional one was left empty, or null
 * when the admin cancelled.
 */
export function useReasonPrompt(): [(ask: Ask) => Promise<string | null>, JSX.Element | null] {
  const [pending, setPending] = useState<Pending | null>(null)
  const [reason, setReason] = useState("")
  const ask = useCallback(
    (a: Ask) =>
      new Promise<string | null>((resolve) => {
        setReason("")
        setPending({ ...a, resolve })
      }),
    []
  )
  const close = (value: string | null) => {
    pending?.resolve(value)
    setPending(null)
  }
  const dialog = pending ? (
    <Prompt open variant={pending.variant ?? "confirmation"} onOpenChange={(open) => !open && close(null)}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{pending.title}</Prompt.Title>
          <Prompt.Description>{pending.description}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-6 pt-2">
          <Label htmlFor="ocop-reason" size="small">
            {pending.required ? "Lý do / Reason" : "Ghi chú / Note (optional)"}
          </Label>
          <Textarea id="ocop-reason" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel onClick={() => close(null)}>Cancel</Prompt.Cancel>
          <Prompt.Action disabled={pending.required && reason.trim().length < 3} onClick={() => close(reason.trim())}>
            {pending.confirmText}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  ) : null
  return [ask, dialog]
}
