import { Badge } from "@medusajs/ui"

/** ★★★★☆ with the OCOP meaning: 3–5★ are certified, below that is not. */
export const StarBadge = ({ stars, potential }: { stars: number; potential?: boolean }) => (
  <span className="inline-flex items-center gap-x-2">
    <span aria-label={`${stars} sao OCOP`} className="text-ui-tag-orange-icon tracking-wider">
      {"★".repeat(stars)}
      <span className="text-ui-fg-disabled">{"★".repeat(Math.max(0, 5 - stars))}</span>
    </span>
    {potential && <Badge size="2xsmall" color="purple">Tiềm năng 5★</Badge>}
    {stars < 3 && <Badge size="2xsmall" color="red">Không đạt OCOP</Badge>}
  </span>
)

const STATUS_COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  active: "green",
  pending_review: "blue",
  suspended: "orange",
  expired: "grey",
  revoked: "red",
  rejected: "red",
  approved: "green",
  pending: "blue",
}

export const StatusBadge = ({ status }: { status: string }) => (
  <Badge size="2xsmall" color={STATUS_COLOR[status] ?? "grey"}>
    {status.replace("_", " ")}
  </Badge>
)
