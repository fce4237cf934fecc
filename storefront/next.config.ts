import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // The catalogues (messages/*.json) are compiled at build time: client components
    // format with a small runtime instead of shipping and running the ICU
    // MessageFormat parser in the browser (bench/results/lighthouse.md).
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
})

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets a second build (e.g. a developer's check while `npm test` builds) use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Product images are served by the Medusa backend, whose host differs per
  // deployment. We render them with plain <img>, so no image optimiser config
  // (and no remotePatterns wildcard that would open an SSRF hole) is needed.
  images: { unoptimized: true },
  typescript: { ignoreBuildErrors: false },
  // The OCOP contract (taxonomy, rules, DTO types) is TypeScript source in the backend workspace.
  transpilePackages: ["@hue-ocop/backend"],
  experimental: {
    // The stylesheet (~7 KB gzipped) goes into the page's <head> instead of a
    // render-blocking request of its own: on a slow mobile connection that round
    // trip delayed every first paint (bench/results/lighthouse.md).
    inlineCss: true,
  },
}

export default withNextIntl(nextConfig)
