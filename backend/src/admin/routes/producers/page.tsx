import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import { Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useReasonPrompt } from "../../components/reason-prompt"
import { StatusBadge } from "../../components/star-badge"
import type { ProducerType } from "../../../modules/ocop/contract"
import { useOcopAction, useOcopList } from "../../lib/queries"
import { errorMessage, formatDate, Producer } from "../../lib/sdk"

const TYPE_LABEL: Record<ProducerType, string> = {
  cooperative: "Hợp tác xã",
  enterprise: "Doanh nghiệp",
  cooperative_group: "Tổ hợp tác",
  household: "Hộ kinh doanh",
}

/** All OCOP producers ("chủ thể") with their status and the actions on it. */
const ProducersPage = () => {
  const [q, setQ] = useState("")
  const [askReason, reasonDialog] = useReasonPrompt()
  const list = useOcopList<{ producers: Producer[] }>("/admin/producers", { limit: 200, ...(q ? { q } : {}) })
  const producers = list.data?.producers ?? []
  const loading = list.isPending
  useEffect(() => {
    if (list.error) toast.error(errorMessage(list.error))
  }, [list.error])
  const action = useOcopAction()

  const post = async (path: string, needsReason: boolean, producer?: Producer) => {
    const reason = needsReason
      ? await askReason({
          title: path.endsWith("/suspend") ? "Tạm đình chỉ? / Suspend producer?" : "Từ chối hồ sơ? / Reject application?",
          description: path.endsWith("/suspend")
            ? `${producer?.legal_name}: every product of this producer leaves the store at once.`
            : `${producer?.legal_name}: the producer is told why and cannot list products.`,
          required: true,
          confirmText: path.endsWith("/suspend") ? "Suspend" : "Reject",
          variant: "danger",
        })
      : undefined
    if (needsReason && !reason) return
    await action.run(path, reason ? { reason } : {})
  }

  return (
    <Container className="divide-y p-0">
      {reasonDialog}
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Producers (chủ thể OCOP)</Heading>
          <Text size="small" className="text-ui-fg-subtle">Suspending a producer hides all its products from the store at once.</Text>
        </div>
        <Input size="small" type="search" placeholder="Search" aria-label="Search producers" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="px-6 py-4">
        {loading ? (
          <Text size="small">Loading…</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Producer</Table.HeaderCell>
                <Table.HeaderCell>Type</Table.HeaderCell>
                <Table.HeaderCell>Origin</Table.HeaderCell>
                <Table.HeaderCell>Products</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Since</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {producers.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.legal_name}</Table.Cell>
                  <Table.Cell>{TYPE_LABEL[p.type] ?? p.type}</Table.Cell>
                  <Table.Cell>{p.commune}, {p.district}</Table.Cell>
                  <Table.Cell>{p.products?.filter(Boolean).length ?? 0}</Table.Cell>
                  <Table.Cell><StatusBadge status={p.status} /></Table.Cell>
                  <Table.Cell>{formatDate(p.created_at)}</Table.Cell>
                  <Table.Cell>
                    {/* A flex cell stretches its buttons to the row's height: the row of actions is a box of its own. */}
                    <div className="flex justify-end gap-x-2">
                      {p.status !== "approved" && <Button size="small" onClick={() => post(`/admin/producers/${p.id}/approve`, false)}>Approve</Button>}
                      {p.status === "approved" && <Button size="small" variant="secondary" onClick={() => post(`/admin/producers/${p.id}/suspend`, true, p)}>Suspend</Button>}
                      {p.status === "pending" && <Button size="small" variant="danger" onClick={() => post(`/admin/producers/${p.id}/reject`, true, p)}>Reject</Button>}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "OCOP producers",
  icon: Buildings,
})

export default ProducersPage
