import createMiddleware from "next-intl/middleware"
import { routing } from "./i18n/routing"

// Locale negotiation only: `/` → `/vi` (or `/en` from the cookie / Accept-Language).
// Country/region is read from the `ocop_country` cookie by the data layer and is
// never part of the URL, so a missing or unknown region cannot cause a redirect loop.
export default createMiddleware(routing)

export const config = {
  // Everything except API routes, Next internals, metadata files and files with an extension.
  matcher: ["/((?!api|_next|_vercel|sitemap.xml|robots.txt|.*\\..*).*)"],
}
