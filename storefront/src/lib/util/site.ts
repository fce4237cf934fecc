/** Public base URL of the storefront (for canonical URLs, sitemap, QR codes). */
export function siteUrl(): string {
  const raw = process.env.NEXT_PUBLIC_BASE_URL || process.env.NEXT_PUBLIC_SITE_URL || "http://localhost:8000"
  return raw.replace(/\/+$/, "")
}
