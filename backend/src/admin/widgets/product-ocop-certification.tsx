import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useReasonPrompt } from "../components/reason-prompt"
import { StarBadge, StatusBadge } from "../components/star-badge"
import { currentCertification, isCertificationInForce } from "../../modules/ocop/contract"
import { OCOP_QUERY_KEY, useOcopAction } from "../lib/queries"
import { Certification, errorMessage, formatDate, OCOP_GROUPS, sdk } from "../lib/sdk"

type Mode = "idle" | "certify" | "rerate"
type StatusAction = "revoke" | "suspend" | "reinstate" | "approve"

const ACTION_PROMPTS: Record<StatusAction, (c: Certification) => Parameters<ReturnType<typeof useReasonPrompt>[0]>[0]> = {
  revoke: (c) => ({
    title: "Thu hồi chứng nhận? / Revoke certificate?",
    description: `${c.certificate_number}: the product leaves the store immediately. The history is kept.`,
    required: true,
    confirmText: "Revoke",
    variant: "danger",
  }),
  suspend: (c) => ({
    title: "Tạm đình chỉ? / Suspend certificate?",
    description: `${c.certificate_number}: the product leaves the store until the certificate is reinstated.`,
    required: true,
    confirmText: "Suspend",
  }),
  reinstate: (c) => ({
    title: "Khôi phục? / Reinstate certificate?",
    description: `${c.certificate_number}: the product is sold again if the certificate is otherwise in force.`,
    required: false,
    confirmText: "Reinstate",
  }),
  approve: (c) => ({
    title: "Duyệt? / Approve submission?",
    description: `${c.certificate_number}: the certificate comes into force as submitted.`,
    required: false,
    confirmText: "Approve",
  }),
}

/**
 * OCOP certification of a product: the current certificate with its star badge
 * and validity, its full history, and the admin actions (certify, re-rate,
 * suspend, reinstate, revoke). Every action goes through the OCOP workflows, so
 * the store reflects it at once.
 */
const ProductOcopCertificationWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [mode, setMode] = useState<Mode>("idle")
  const [askReason, reasonDialog] = useReasonPrompt()
  const queryClient = useQueryClient()
  // The list route answers summaries; each certificate's events come from its detail route.
  const certsQuery = useQuery({
    queryKey: [OCOP_QUERY_KEY, "product-certifications", product.id],
    queryFn: async () => {
      const res = await sdk.client.fetch<{ certifications: Certification[] }>("/admin/ocop/certifications", {
        query: { product_id: product.id, limit: 50 },
      })
      return Promise.all(
        res.certifications.map((c) =>
          sdk.client.fetch<{ certification: Certification }>(`/admin/ocop/certifications/${c.id}`).then((r) => r.certification)
        )
      )
    },
  })
  const certs = certsQuery.data ?? []
  const loading = certsQuery.isPending
  useEffect(() => {
    if (certsQuery.error) toast.error(errorMessage(certsQuery.error))
  }, [certsQuery.error])
  const ocopAction = useOcopAction()

  // The certificate the store shows (the OCOP rule), else one waiting for review, else the latest.
  const shown = currentCertification(certs)
  const current = (shown && isCertificationInForce(shown) ? shown : null) ?? certs.find((c) => c.status === "pending_review") ?? shown ?? certs[0]

  const act = async (action: StatusAction) => {
    if (!current) return
    const reason = await askReason(ACTION_PROMPTS[action](current))
    if (reason === null) return
    await ocopAction.run(`/admin/ocop/certifications/${current.id}/${action}`, reason ? { reason } : {})
  }

  return (
    <Container className="divide-y p-0" data-testid="ocop-certification-widget">
      {reasonDialog}
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Chứng nhận OCOP — OCOP certification</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Only products with a certification in force (3★+, within validity, approved producer) are sold.
          </Text>
        </div>
        <div className="flex shrink-0 gap-x-2 whitespace-nowrap">
          {current && current.status === "active" && (
            <Button size="small" variant="secondary" onClick={() => setMode("rerate")}>
              Re-rate
            </Button>
          )}
          <Button size="small" variant="secondary" onClick={() => setMode("certify")}>
            Certify
          </Button>
        </div>
      </div>

      {loading ? (
        <div className="px-6 py-4"><Text size="small">Loading…</Text></div>
      ) : !current ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No certification yet. This product cannot be published until it is certified.
          </Text>
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-4 px-6 py-4 text-ui-fg-subtle">
          <Field label="Certificate"><span className="font-mono">{current.certificate_number}</span>{current.is_demo && " (demo)"}</Field>
          <Field label="Status"><StatusBadge status={current.status} /></Field>
          <Field label="Stars"><StarBadge stars={current.stars} potential={current.potential_five_star} /> ({current.score}/100)</Field>
          <Field label="Decision">{current.decision_number}, {formatDate(current.decision_date)}</Field>
          <Field label="Issuer">{current.issuing_authority} ({current.authority_level})</Field>
          <Field label="Valid">{formatDate(current.valid_from)} → {formatDate(current.valid_until)}</Field>
          <Field label="Group">{current.group_code}{current.subgroup ? ` / ${current.subgroup}` : ""}</Field>
          <Field label="Other marks">{[current.geographical_indication, current.collective_trademark].filter(Boolean).join(", ") || "—"}</Field>
          {current.status_reason && <Field label="Reason">{current.status_reason}</Field>}
          <div className="col-span-2 flex flex-wrap gap-2">
            {current.status === "pending_review" && <Button size="small" onClick={() => act("approve")}>Approve</Button>}
            {current.status === "active" && <Button size="small" variant="secondary" onClick={() => act("suspend")}>Suspend</Button>}
            {current.status === "suspended" && <Button size="small" variant="secondary" onClick={() => act("reinstate")}>Reinstate</Button>}
            {["active", "suspended", "expired"].includes(current.status) && (
              <Button size="small" variant="danger" onClick={() => act("revoke")}>Revoke</Button>
            )}
          </div>
        </div>
      )}

      {mode !== "idle" && (
        <CertificationForm
          productId={product.id}
          mode={mode}
          current={current}
          onDone={async () => {
            setMode("idle")
            await queryClient.invalidateQueries({ queryKey: [OCOP_QUERY_KEY] })
          }}
          onCancel={() => setMode("idle")}
        />
      )}

      {certs.length > 0 && (
        <div className="px-6 py-4">
          <Heading level="h3" className="mb-2">History</Heading>
          <ol className="flex flex-col gap-y-1">
            {certs
              .flatMap((c) => (c.events ?? []).map((e) => ({ ...e, number: c.certificate_number })))
              .sort((a, b) => new Date(b.occurred_at).getTime() - new Date(a.occurred_at).getTime())
              .map((e) => (
                <li key={e.id}>
                  <Text size="small">
                    {formatDate(e.occurred_at)} · <span className="font-mono">{e.number}</span> · {e.type}
                    {e.from_stars !== e.to_stars && e.to_stars !== null ? (e.from_stars === null ? ` ${e.to_stars}★` : ` ${e.from_stars}★ → ${e.to_stars}★`) : ""}
                    {e.from_status !== e.to_status && e.to_status ? ` (${e.from_status ?? "new"} → ${e.to_status})` : ""}
                    {e.reason ? ` — ${e.reason}` : ""}
                  </Text>
                </li>
              ))}
          </ol>
        </div>
      )}
    </Container>
  )
}

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div>
    <Text size="xsmall" weight="plus" className="text-ui-fg-muted">{label}</Text>
    <Text size="small">{children}</Text>
  </div>
)

const CertificationForm = ({
  productId,
  mode,
  current,
  onDone,
  onCancel,
}: {
  productId: string
  mode: "certify" | "rerate"
  current?: Certification
  onDone: () => void
  onCancel: () => void
}) => {
  const [form, setForm] = useState<Record<string, string>>({
    certificate_number: "",
    decision_number: "",
    decision_date: new Date().toISOString().slice(0, 10),
    issuing_authority: "UBND tỉnh Thừa Thiên Huế",
    authority_level: "province",
    score: current ? String(current.score) : "",
    stars: current ? String(current.stars) : "",
    group_code: current?.group_code ?? "food",
    reason: "",
  })
  const [error, setError] = useState<string | null>(null)
  const set = (k: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))

  const submit = async () => {
    setError(null)
    try {
      if (mode === "rerate" && current) {
        await sdk.client.fetch(`/admin/ocop/certifications/${current.id}/rerate`, {
          method: "POST",
          body: { score: Number(form.score), stars: Number(form.stars), reason: form.reason },
        })
      } else {
        await sdk.client.fetch("/admin/ocop/certifications", {
          method: "POST",
          body: {
            product_id: productId,
            certificate_number: form.certificate_number,
            decision_number: form.decision_number,
            decision_date: form.decision_date,
            issuing_authority: form.issuing_authority,
            authority_level: form.authority_level,
            score: Number(form.score),
            stars: Number(form.stars),
            group_code: form.group_code,
          },
        })
      }
      toast.success(mode === "rerate" ? "Re-rated" : "Certified")
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h3">{mode === "rerate" ? "Re-rate (re-evaluation)" : "Record a certification decision"}</Heading>
      <div className="grid grid-cols-2 gap-3">
        {mode === "certify" && (
          <>
            <Labelled id="cert-number" label="Certificate number"><Input id="cert-number" value={form.certificate_number} onChange={set("certificate_number")} /></Labelled>
            <Labelled id="decision-number" label="Decision number (…/QĐ-UBND)"><Input id="decision-number" value={form.decision_number} onChange={set("decision_number")} /></Labelled>
            <Labelled id="decision-date" label="Decision date"><Input id="decision-date" type="date" value={form.decision_date} onChange={set("decision_date")} /></Labelled>
            <Labelled id="issuer" label="Issuing authority"><Input id="issuer" value={form.issuing_authority} onChange={set("issuing_authority")} /></Labelled>
            <Labelled id="level" label="Level">
              <Select value={form.authority_level} onValueChange={(v) => setForm((f) => ({ ...f, authority_level: v }))}>
                <Select.Trigger id="level"><Select.Value /></Select.Trigger>
                <Select.Content>
                  {["district", "province", "central"].map((l) => <Select.Item key={l} value={l}>{l}</Select.Item>)}
                </Select.Content>
              </Select>
            </Labelled>
            <Labelled id="group" label="OCOP group">
              <Select value={form.group_code} onValueChange={(v) => setForm((f) => ({ ...f, group_code: v }))}>
                <Select.Trigger id="group"><Select.Value /></Select.Trigger>
                <Select.Content>
                  {OCOP_GROUPS.map((g) => <Select.Item key={g.code} value={g.code}>{g.label}</Select.Item>)}
                </Select.Content>
              </Select>
            </Labelled>
          </>
        )}
        <Labelled id="score" label="Score (0–100)"><Input id="score" type="number" min={0} max={100} value={form.score} onChange={set("score")} /></Labelled>
        <Labelled id="stars" label="Stars (1–5)"><Input id="stars" type="number" min={1} max={5} value={form.stars} onChange={set("stars")} /></Labelled>
        {mode === "rerate" && (
          <div className="col-span-2">
            <Labelled id="reason" label="Reason"><Textarea id="reason" value={form.reason} onChange={set("reason")} /></Labelled>
          </div>
        )}
      </div>
      {error && <Text size="small" className="text-ui-fg-error" role="alert">{error}</Text>}
      <div className="flex gap-x-2">
        <Button size="small" onClick={submit}>Save</Button>
        <Button size="small" variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  )
}

const Labelled = ({ id, label, children }: { id: string; label: string; children: React.ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small">{label}</Label>
    {children}
  </div>
)

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductOcopCertificationWidget
