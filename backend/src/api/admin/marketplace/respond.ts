import type { MedusaResponse } from "@medusajs/framework/http"
import { type Statement, statementCsv, statementHtml } from "../../../modules/marketplace-finance/statement"

/** Sends a statement as JSON, a CSV download, or a printable page. */
export function sendStatement(res: MedusaResponse, statement: Statement, format: "json" | "csv" | "html", locale: "vi" | "en") {
  const name = `statement-${statement.payout.reference.replace(/\s+/g, "-").toLowerCase()}`
  if (format === "csv") {
    res.setHeader("content-type", "text/csv; charset=utf-8")
    res.setHeader("content-disposition", `attachment; filename="${name}.csv"`)
    // A BOM so that Excel reads the Vietnamese names as UTF-8.
    res.send(`\uFEFF${statementCsv(statement)}`)
    return
  }
  if (format === "html") {
    res.setHeader("content-type", "text/html; charset=utf-8")
    res.setHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
    res.send(statementHtml(statement, locale))
    return
  }
  res.json({ statement })
}

export function localeOf(acceptLanguage: string | undefined): "vi" | "en" {
  return acceptLanguage && /^en\b/i.test(acceptLanguage) ? "en" : "vi"
}
