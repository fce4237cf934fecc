import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BadgeCheck } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { StarBadge, StatusBadge } from "../../components/star-badge"
import { Certification, errorMessage, formatDate, Producer, sdk } from "../../lib/sdk"

/**
 * "OCOP curation": what needs an admin today — certificates expiring within
 * 90 days, pending producer applications and certifications submitted for review.
 */
const OcopCurationPage = () => {
  const [expiring, setExpiring] = useState<Certification[]>([])
  const [pendingCerts, setPendingCerts] = useState<Certification[]>([])
  const [pendingProducers, setPendingProducers] = useState<Producer[]>([])
  const [loading, setLoading] = useState(true)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      const [a, b, c] = await Promise.all([
        sdk.client.fetch<{ certifications: Certification[] }>("/admin/ocop/certifications", { query: { expiring_within_days: 90, limit: 100 } }),
        sdk.client.fetch<{ certifications: Certification[] }>("/admin/ocop/certifications", { query: { status: "pending_review", limit: 100 } }),
        sdk.client.fetch<{ producers: Producer[] }>("/admin/producers", { query: { status: "pending", limit: 100 } }),
      ])
      setExpiring(a.certifications)
      setPendingCerts(b.certifications)
      setPendingProducers(c.producers)
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const post = async (path: string, body: Record<string, unknown> = {}) => {
    try {
      await sdk.client.fetch(path, { method: "POST", body })
      toast.success("Saved")
      await load()
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const withReason = (path: string) => {
    const reason = window.prompt("Lý do / reason")
    if (reason) void post(path, { reason })
  }

  return (
    <div className="flex flex-col gap-y-3">
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
                  <Table.Cell className="flex gap-x-2">
                    <Button size="small" onClick={() => post(`/admin/producers/${p.id}/approve`)}>Approve</Button>
                    <Button size="small" variant="danger" onClick={() => withReason(`/admin/producers/${p.id}/reject`)}>Reject</Button>
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

      <Section title={`Expiring within 90 days (${expiring.length})`} loading={loading} empty="No certificate expires in the next 90 days.">
        {expiring.length > 0 && <CertTable certs={expiring} />}
      </Section>
    </div>
  )
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
          <Table.Cell>{c.product ? <Link to={`/products/${c.product.id}`}>{c.product.title}</Link> : "—"}</Table.Cell>
          <Table.Cell>{c.producer?.legal_name ?? "—"}</Table.Cell>
          <Table.Cell><StarBadge stars={c.stars} potential={c.potential_five_star} /></Table.Cell>
          <Table.Cell>{formatDate(c.valid_until)}</Table.Cell>
          <Table.Cell><StatusBadge status={c.status} /></Table.Cell>
          {actions && <Table.Cell>{actions(c)}</Table.Cell>}
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
