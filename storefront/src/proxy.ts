import createMiddleware from "next-intl/middleware"
import { routing } from "./i18n/routing"

// Locale negotiation only: `/` → `/vi` (or `/en` from the cookie / Accept-Language).
// Country/region is read from the `ocop_country` cookie by the data layer and is
// never part of the URL, so a missing or unknown region cannot cause a redirect loop.
export default createMiddleware(routing)

export const config = {
  // Everything except API routes, Next internals, metadata files, files with an extension and
  // the portal's upload route: for a path the proxy matches, Next reads the request body before
  // the proxy runs (keeping the first 10 MB, `middlewareClientMaxBodySize`) and the route handler
  // only starts once the body has ended — a never-ending chunked upload was never answered.
  // The upload route already has its locale and must check the session before reading the body
  // (tests/integration/security-uploads.spec.ts).
  matcher: ["/((?!api|_next|_vercel|sitemap.xml|robots.txt|.*\\..*|[^/]+/producer/uploads).*)"],
}
