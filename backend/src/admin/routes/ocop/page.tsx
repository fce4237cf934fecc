import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BadgeCheck } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Link } from "react-router-dom"
import { useReasonPrompt } from "../../components/reason-prompt"
import { StarBadge, StatusBadge } from "../../components/star-badge"
import { useOcopAction, useOcopList } from "../../lib/queries"
import { Certification, errorMessage, formatDate, ListingChange, Producer } from "../../lib/sdk"

/**
 * "OCOP curation": what needs an admin today — certificates expiring within
 * 90 days, pending producer applications, certifications submitted for review
 * and producers' listing changes waiting for the office's decision.
 */
const OcopCurationPage = () => {
  const [askReason, reasonDialog] = useReasonPrompt()
  const expiringQuery = useOcopList<{ certifications: Certification[] }>("/admin/ocop/certifications", { expiring_within_days: 90, limit: 100 })
  const pendingCertsQuery = useOcopList<{ certifications: Certification[] }>("/admin/ocop/certifications", { status: "pending_review", limit: 100 })
  const pendingProducersQuery = useOcopList<{ producers: Producer[] }>("/admin/producers", { status: "pending", limit: 100 })
  const changesQuery = useOcopList<{ changes: ListingChange[] }>("/admin/ocop/listing-changes", {
    subject: "product",
    requires_review: "true",
    reviewed: "false",
    limit: 100,
  })
  const queries = [expiringQuery, pendingCertsQuery, pendingProducersQuery, changesQuery]
  const loading = queries.some((q) => q.isPending)
  const failure = queries.find((q) => q.error)?.error
  useEffect(() => {
    if (failure) toast.error(errorMessage(failure))
  }, [failure])
  const expiring = expiringQuery.data?.certifications ?? []
  const pendingCerts = pendingCertsQuery.data?.certifications ?? []
  const pendingProducers = pendingProducersQuery.data?.producers ?? []
  const listingChanges = latestPerProduct(changesQuery.data?.changes ?? [])

  const action = useOcopAction()
  const post = async (path: string, body: Record<string, unknown> = {}) => {
    await action.run(path, body)
  }
  const rejectProducer = async (p: Producer) => {
    const reason = await askReason({
      title: "Từ chối hồ sơ? / Reject application?",
      description: `${p.legal_name}: the producer is told why and cannot list products.`,
      required: true,
      confirmText: "Reject",
      variant: "danger",
    })
    if (reason) await post(`/admin/producers/${p.id}/reject`, { reason })
  }
  const reviewChange = async (c: ListingChange, decision: "approved" | "rejected") => {
    const note = await askReason(
      decision === "approved"
        ? {
            title: "Duyệt thay đổi? / Approve change?",
            description: `${c.product?.title ?? c.product_id}: the listing is published as it stands now.`,
            required: false,
            confirmText: "Approve and publish",
          }
        : {
            title: "Từ chối thay đổi? / Reject change?",
            description: `${c.product?.title ?? c.product_id}: the listing stays a draft; the producer reads your note.`,
            required: true,
            confirmText: "Reject",
            variant: "danger",
          }
    )
    if (note === null) return
    await post(`/admin/ocop/listing-changes/${c.id}/review`, note ? { decision, note } : { decision })
  }

  return (
    <div className="flex flex-col gap-y-3">
      {reasonDialog}
      <Container className="p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>OCOP curation</Heading>
            <Text size="small" className="text-ui-fg-subtle">Applications, submissions and renewals that need a decision.</Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => post("/admin/ocop/jobs/expire-certifications")}>
            Run expiry check now
          </Button>
        </div>
      </Container>

      <Section title={`Producer applications (${pendingProducers.length})`} loading={loading} empty="No pending applications.">
        {pendingProducers.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Producer</Table.HeaderCell>
                <Table.HeaderCell>Type</Table.HeaderCell>
                <Table.HeaderCell>Origin</Table.HeaderCell>
                <Table.HeaderCell>Registration</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {pendingProducers.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.legal_name}</Table.Cell>
                  <Table.Cell>{p.type}</Table.Cell>
                  <Table.Cell>{p.commune}, {p.district}</Table.Cell>
                  <Table.Cell className="font-mono">{p.registration_number}</Table.Cell>
                  <Table.Cell>
                    <div className="flex justify-end gap-x-2">
                      <Button size="small" onClick={() => post(`/admin/producers/${p.id}/approve`)}>Approve</Button>
                      <Button size="small" variant="danger" onClick={() => rejectProducer(p)}>Reject</Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Section>

      <Section title={`Certifications submitted for review (${pendingCerts.length})`} loading={loading} empty="Nothing to review.">
        {pendingCerts.length > 0 && <CertTable certs={pendingCerts} actions={(c) => (
          <>
            <Button size="small" onClick={() => post(`/admin/ocop/certifications/${c.id}/approve`)}>Approve</Button>
          </>
        )} />}
      </Section>

      <Section title={`Listing changes waiting for review (${listingChanges.length})`} loading={loading} empty="No listing change is waiting.">
        {listingChanges.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Product</Table.HeaderCell>
                <Table.HeaderCell>Changed</Table.HeaderCell>
                <Table.HeaderCell>Before → after</Table.HeaderCell>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {listingChanges.map((c) => (
                <Table.Row key={c.id} data-testid={`listing-change-${c.id}`}>
                  <Table.Cell>{c.product ? <Link className="text-ui-fg-interactive hover:underline" to={`/products/${c.product.id}`}>{c.product.title}</Link> : "—"}</Table.Cell>
                  <Table.Cell>{c.action === "created" ? "New listing" : c.fields.filter((f) => f !== "status").join(", ") || c.action}</Table.Cell>
                  <Table.Cell className="max-w-[28rem] whitespace-normal">
                    {c.action !== "created" && c.fields
                      .filter((f) => f !== "status" && (c.before?.[f] !== undefined || c.after?.[f] !== undefined))
                      .slice(0, 3)
                      .map((f) => (
                        <Text size="xsmall" key={f} className="truncate">
                          <span className="font-medium">{f}:</span> {preview(c.before?.[f])} → {preview(c.after?.[f])}
                        </Text>
                      ))}
                  </Table.Cell>
                  <Table.Cell>{formatDate(c.occurred_at)}</Table.Cell>
                  <Table.Cell>
                    <div className="flex justify-end gap-x-2">
                      <Button size="small" onClick={() => reviewChange(c, "approved")}>Approve</Button>
                      <Button size="small" variant="danger" onClick={() => reviewChange(c, "rejected")}>Reject</Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Section>

      <Section title={`Expiring within 90 days (${expiring.length})`} loading={loading} empty="No certificate expires in the next 90 days.">
        {expiring.length > 0 && <CertTable certs={expiring} />}
      </Section>
    </div>
  )
}

/**
 * One row per product: deciding its newest change settles the earlier ones (see the review workflow).
 * A listing an admin already published by hand on Medusa's product page, or one the producer deleted,
 * needs no decision here.
 */
function latestPerProduct(changes: ListingChange[]): ListingChange[] {
  const seen = new Set<string>()
  return changes.filter((c) => {
    if (!c.product || c.product.status === "published") return false
    const key = c.product.id
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function preview(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—"
  const text = typeof value === "string" ? value : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

const Section = ({ title, loading, empty, children }: { title: string; loading: boolean; empty: string; children: React.ReactNode }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4"><Heading level="h2">{title}</Heading></div>
    <div className="px-6 py-4">
      {loading ? <Text size="small">Loading…</Text> : children || <Text size="small" className="text-ui-fg-subtle">{empty}</Text>}
    </div>
  </Container>
)

const CertTable = ({ certs, actions }: { certs: Certification[]; actions?: (c: Certification) => React.ReactNode }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Certificate</Table.HeaderCell>
        <Table.HeaderCell>Product</Table.HeaderCell>
        <Table.HeaderCell>Producer</Table.HeaderCell>
        <Table.HeaderCell>Stars</Table.HeaderCell>
        <Table.HeaderCell>Valid until</Table.HeaderCell>
        <Table.HeaderCell>Status</Table.HeaderCell>
        {actions && <Table.HeaderCell />}
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {certs.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell className="font-mono">{c.certificate_number}</Table.Cell>
          <Table.Cell>{c.product ? <Link className="text-ui-fg-interactive hover:underline" to={`/products/${c.product.id}`}>{c.product.title}</Link> : "—"}</Table.Cell>
          <Table.Cell>{c.producer?.legal_name ?? "—"}</Table.Cell>
          <Table.Cell><StarBadge stars={c.stars} potential={c.potential_five_star} /></Table.Cell>
          <Table.Cell>{formatDate(c.valid_until)}</Table.Cell>
          <Table.Cell><StatusBadge status={c.status} /></Table.Cell>
          {actions && <Table.Cell><div className="flex justify-end gap-x-2">{actions(c)}</div></Table.Cell>}
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)

export const config = defineRouteConfig({
  label: "OCOP curation",
  icon: BadgeCheck,
})

export default OcopCurationPage
