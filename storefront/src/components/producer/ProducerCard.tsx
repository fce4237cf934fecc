import { useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { pickLang } from "@/lib/util/ocop"
import type { ProducerWithProducts } from "@/lib/types"

function excerpt(text: string | null, max = 150): string | null {
  if (!text) return null
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text
}

export function ProducerCard({ producer }: { producer: ProducerWithProducts }) {
  const t = useTranslations()
  const locale = useLocale()
  const story = excerpt(pickLang(producer, "story", locale))
  const initials = producer.legal_name.replace(/^(HTX|Hợp tác xã|Công ty|Cơ sở|Tổ hợp tác)\s+/i, "").slice(0, 1)
  return (
    <article className="card producer-card" data-testid="producer-card" data-handle={producer.handle}>
      {producer.logo_url ? (
        <img src={producer.logo_url} alt="" width={56} height={56} loading="lazy" decoding="async" style={{ width: 56, height: 56, borderRadius: "50%", objectFit: "cover" }} />
      ) : (
        <span className="logo-ph" aria-hidden="true">{initials}</span>
      )}
      <span className="type">{t(`producerTypes.${producer.type}`)}</span>
      <h3>
        <Link href={`/producers/${producer.handle}`} prefetch={false} data-testid="producer-link">{producer.legal_name}</Link>
      </h3>
      <p className="muted">{[producer.commune, producer.district].filter(Boolean).join(" · ")}</p>
      {story ? <p>{story}</p> : null}
      {producer.products ? <p className="muted"><small>{t("producer.productsCount", { count: producer.products.length })}</small></p> : null}
    </article>
  )
}
