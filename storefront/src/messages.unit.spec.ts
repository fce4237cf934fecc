import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"

const dir = path.join(__dirname, "..", "messages")
const load = (l: string) => JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), "utf8")) as Record<string, unknown>

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function placeholders(s: string): string[] {
  // argument names only, not the text of plural branches ("=0 {empty}", "other {# items}")
  return [...s.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort()
}

describe("UI messages", () => {
  const vi = load("vi")
  const en = load("en")

  it("have the same keys in Vietnamese and English", () => {
    expect(keys(vi).sort()).toEqual(keys(en).sort())
  })

  it("use the same ICU placeholders in both languages", () => {
    const get = (o: Record<string, unknown>, k: string) => k.split(".").reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string
    for (const k of keys(vi)) expect([k, placeholders(get(vi, k))]).toEqual([k, placeholders(get(en, k))])
  })

  it("every t(\"…\") key used in the source exists", () => {
    const src = path.join(__dirname)
    const files: string[] = []
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) walk(p)
        else if (/\.tsx?$/.test(e.name) && !e.name.includes(".spec.")) files.push(p)
      }
    }
    walk(src)
    const missing: string[] = []
    const all = new Set(keys(vi))
    for (const f of files) {
      const text = fs.readFileSync(f, "utf8")
      // const t = useTranslations("ns") / getTranslations("ns") / getTranslations({ …, namespace: "ns" })
      // the same name may be bound to different namespaces in different functions of one file
      const bindings = new Map<string, Set<string>>()
      for (const m of text.matchAll(/const (\w+) = (?:await )?(?:useTranslations|getTranslations)\((?:"(\w+)"|\{[^}]*namespace: "(\w+)"[^}]*\})\)/g)) {
        bindings.set(m[1], (bindings.get(m[1]) ?? new Set()).add(m[2] ?? m[3]))
      }
      for (const [fn, namespaces] of bindings) {
        for (const m of text.matchAll(new RegExp(`\\b${fn}\\("([\\w.]+)"`, "g"))) {
          if (![...namespaces].some((ns) => all.has(`${ns}.${m[1]}`))) missing.push(`${path.relative(src, f)}: ${[...namespaces].join("|")}.${m[1]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })
})
