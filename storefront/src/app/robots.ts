import type { MetadataRoute } from "next"
import { siteUrl } from "@/lib/util/site"

export default function robots(): MetadataRoute.Robots {
  const base = siteUrl()
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/api/", "/vi/cart", "/en/cart", "/vi/checkout", "/en/checkout", "/vi/account", "/en/account", "/vi/order/", "/en/order/"],
      },
    ],
    sitemap: `${base}/sitemap.xml`,
    host: base,
  }
}
