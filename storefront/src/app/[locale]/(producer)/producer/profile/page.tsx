import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { PortalFrame, StatusPanel } from "@/components/producer/PortalShell"
import { ProfileForm } from "@/components/producer/ProfileForms"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.profile" })
  return { title: t("title") }
}

export default async function ProducerProfilePage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  return (
    <PortalFrame locale={locale} current="profile">
      {(me) => (
        <div data-testid="portal-profile">
          <StatusPanel me={me} />
          <ProfileForm producer={me.producer} legalEditable={me.permissions.edit_legal_fields} />
        </div>
      )}
    </PortalFrame>
  )
}
