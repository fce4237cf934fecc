/**
 * The shop's public origin: GS1 Digital Link URIs of lots live on the shop's own domain
 * (`{origin}/01/{gtin}/10/{lot}`), which is the storefront's. Same variables as the invite links.
 */
export function storefrontOrigin(env: Record<string, string | undefined> = process.env): string {
  return (env.OCOP_STOREFRONT_URL || env.STOREFRONT_URL || "http://localhost:8000").replace(/\/+$/, "")
}
