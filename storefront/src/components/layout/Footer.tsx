import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/navigation"

export async function Footer() {
  const t = await getTranslations("footer")
  const nav = await getTranslations("nav")
  const m = await getTranslations("meta")
  return (
    <footer className="site-footer on-dark">
      <div className="container">
        <div>
          <h2>{m("siteName")}</h2>
          <p>{t("about")}</p>
          <p>{t("programme")}</p>
        </div>
        {/* Footer links are not prefetched (see ProductCard): the main navigation above covers the same pages. */}
        <div>
          <h2>{t("shop")}</h2>
          <ul>
            <li><Link href="/products" prefetch={false}>{nav("catalogue")}</Link></li>
            <li><Link href="/producers" prefetch={false}>{nav("producers")}</Link></li>
            <li><Link href="/cart" prefetch={false}>{nav("cart")}</Link></li>
          </ul>
        </div>
        <div>
          <h2>{t("help")}</h2>
          <ul>
            <li><Link href="/verify" prefetch={false}>{nav("verify")}</Link></li>
            <li><Link href="/account" prefetch={false}>{nav("account")}</Link></li>
            <li><a href="https://ocopvietnam.gov.vn" rel="noopener noreferrer">{t("registry")}</a></li>
          </ul>
        </div>
        <p className="fine">{t("disclaimer")}</p>
      </div>
    </footer>
  )
}
