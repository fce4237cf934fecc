import type { CertificateRecord } from "../types"
import { isCertificationInForce } from "@hue-ocop/backend/ocop-contract"

export type ShownStatus = "active" | "expired" | "revoked" | "suspended" | "pending_review" | "not_yet" | "below_standard"

/** The status a shopper should see: an "active" record past its end date is shown as expired. */
export function shownStatus(cert: Pick<CertificateRecord, "status" | "stars" | "valid_from" | "valid_until" | "in_force">, now = new Date()): ShownStatus {
  if (cert.status === "revoked" || cert.status === "suspended" || cert.status === "expired" || cert.status === "pending_review") return cert.status
  if (cert.status === "active") {
    if (isCertificationInForce(cert, now)) return "active"
    if (!(cert.stars >= 3)) return "below_standard"
    if (cert.valid_from && new Date(cert.valid_from) > now) return "not_yet"
    return "expired"
  }
  return "pending_review"
}
