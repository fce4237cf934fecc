export { productJsonLd } from "@/lib/util/jsonld"

/** Serialises JSON-LD safely inside <script> (no `</script>` breakout). */
export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c")
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />
}
