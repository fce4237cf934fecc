import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { PortalFrame, StatusPanel } from "@/components/producer/PortalShell"
import { MailPreferencesForm, ProfileForm } from "@/components/producer/ProfileForms"
import { getProducerMailPreferences } from "@/lib/data/producer"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.profile" })
  return { title: t("title") }
}

export default async function ProducerProfilePage({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  const mail = await getProducerMailPreferences()
  return (
    <PortalFrame locale={locale} current="profile">
      {(me) => (
        <div data-testid="portal-profile">
          <StatusPanel me={me} />
          <ProfileForm producer={me.producer} legalEditable={me.permissions.edit_legal_fields} />
          {mail ? <MailPreferencesForm preferences={mail} editable={me.user.role === "owner"} /> : null}
        </div>
      )}
    </PortalFrame>
  )
}
