import { getTranslations } from "next-intl/server"
import type { CertificateRecord } from "@/lib/types"
import { shownStatus, type ShownStatus } from "@/lib/util/certificate"

export { shownStatus }

const ICON: Record<ShownStatus, string> = { active: "✓", expired: "⌛", revoked: "✕", suspended: "❚❚", pending_review: "…", not_yet: "…", below_standard: "!" }

export async function CertificateStatus({ cert }: { cert: CertificateRecord }) {
  const t = await getTranslations("verify")
  const st = shownStatus(cert)
  const label = {
    active: t("statusActive"),
    expired: t("statusExpired"),
    revoked: t("statusRevoked"),
    suspended: t("statusSuspended"),
    pending_review: t("statusPending"),
    not_yet: t("statusNotYet"),
    below_standard: t("statusBelow"),
  }[st]
  return (
    <div className={`cert-status cert-status-${st}`} data-testid="certificate-status" data-status={st} role="status">
      <span className="cert-status-ic" aria-hidden="true">{ICON[st]}</span>
      <div>
        <p className="cert-status-label"><span className="visually-hidden">{t("status")}: </span>{label}</p>
      </div>
    </div>
  )
}
