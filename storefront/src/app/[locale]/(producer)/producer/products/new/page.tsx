import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { CreateListingForm } from "@/components/producer/ListingForms"
import { PortalFrame, StatusPanel } from "@/components/producer/PortalShell"
import { toLocale } from "@/lib/util/locale"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: toLocale((await params).locale), namespace: "producer.portal.listing" })
  return { title: t("newTitle") }
}

export default async function NewListing({ params }: Props) {
  const locale = toLocale((await params).locale)
  setRequestLocale(locale)
  return (
    <PortalFrame locale={locale} current="products">
      {(me) => (me.permissions.manage_listings ? <CreateListingForm /> : <StatusPanel me={me} />)}
    </PortalFrame>
  )
}
