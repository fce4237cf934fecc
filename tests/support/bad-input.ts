/**
 * A generated corpus of malformed requests for the reliability suite
 * (tests/integration/reliability-bad-input.spec.ts).
 *
 * Each route is described once (method, path, who calls it, a VALID body or
 * query, which fields are required); the generator derives the bad requests
 * from it: malformed JSON, wrong content types, non-object bodies, prototype-
 * pollution keys, 1 MB bodies, deep nesting, every field with wrong types,
 * every required field missing, 10 000-character strings, unicode edge cases,
 * bad numbers. Ids in paths and bodies come from the test's fixtures (own,
 * foreign and nonexistent), so the routes are reached with real data.
 *
 * Every case says what it may do: `4xx` (it must be rejected) or `non5xx`
 * (it may be accepted: e.g. an emoji in a name is valid). Neither may be a 5xx.
 */

export type Actor = "anon" | "customerA" | "customerB" | "producerA" | "producerB" | "registration" | "admin"
export type Expect = "4xx" | "non5xx"

export type BadCase = {
  family: string
  route: string
  label: string
  method: "GET" | "POST" | "DELETE"
  /** Path with query string, already percent-encoded. */
  path: string
  actor: Actor
  /** Send the publishable key (store routes). */
  store: boolean
  /** Raw body text; undefined for none. */
  body?: string
  /** Content-Type header; undefined means application/json when there is a body. */
  contentType?: string
  expect: Expect
}

export type FieldKind = "string" | "number" | "quantity" | "boolean" | "object" | "array" | "id"

export type RouteSpec = {
  family: string
  method: "GET" | "POST" | "DELETE"
  /** Path of the route as called with good ids. */
  path: string
  actor: Actor
  store?: boolean
  /** A valid body (POST) — the generator breaks it field by field. null: the route takes no body. */
  valid?: Record<string, unknown> | null
  /** Fields the validator requires (missing → 400). */
  required?: string[]
  /** Field kinds when typeof is not enough (quantities, ids). */
  kinds?: Record<string, FieldKind>
  /** True when the route accepts an empty body (`{}`): the content-type and "empty" cases may then be accepted. */
  emptyIsValid?: boolean
  /** The route takes an array of items too (Medusa's batch shape): array bodies may be accepted. */
  arrayIsValid?: boolean
  /** Core Medusa routes without length limits may accept a 10 000-character string. */
  lenient?: boolean
  /** Extra hand-written cases (foreign ids, nonexistent ids…). */
  extra?: ExtraCase[]
  /** Query-string parameters for GET routes: bad values that must be a 4xx. */
  query?: Record<string, string[]>
  /** Query values that may be accepted (free text: unicode, SQL-looking strings), never a 5xx. */
  queryAny?: Record<string, string[]>
}

export type ExtraCase = {
  label: string
  expect: Expect
  path?: string
  body?: string
  contentType?: string
  actor?: Actor
  method?: "GET" | "POST" | "DELETE"
}

/** Strings that break naive code: each is valid UTF-16 JSON text once escaped. */
export const UNICODE_EDGE_CASES: Record<string, string> = {
  lone_high_surrogate: "abc\ud800def",
  rtl_override: "\u202eevil\u202c txt",
  nul: "a\u0000b",
  emoji: "🍵🇻🇳👩‍👩‍👧‍👦",
  combining: "e\u0301\u0301\u0301\u0301\u0301 Hue\u0302\u0301",
  control: "\u0001\u0007\u001b[31m",
}

export const HUGE_STRING = "x".repeat(10_000)
const ONE_MB = "y".repeat(1024 * 1024)

/** Fields per route that get the field-by-field treatment. */
export const MAX_FIELDS = 3

/** Wrong-type replacements for a field of the given kind. */
export function wrongTypes(kind: FieldKind): Array<[string, unknown]> {
  const all: Array<[string, unknown]> = [
    ["number", 12345],
    ["string", "not-the-right-type"],
    ["array", ["a", 1, null]],
    ["null", null],
  ]
  const own: Record<FieldKind, string[]> = {
    string: ["string"],
    id: ["string"],
    number: ["number"],
    quantity: ["number"],
    boolean: ["boolean"],
    object: ["object"],
    array: ["array"],
  }
  return all.filter(([name]) => !own[kind].includes(name))
}

/** Bad numbers for numeric fields; raw JSON text so Infinity-producing literals survive. */
export const BAD_NUMBERS: Array<[string, string]> = [
  ["negative", "-1"],
  ["zero", "0"],
  ["fraction", "1.5"],
  ["huge", "1e21"],
  ["infinity_literal", "1e400"],
  ["numeric_string", '"5"'],
]

function kindOf(spec: RouteSpec, key: string, value: unknown): FieldKind {
  if (spec.kinds?.[key]) return spec.kinds[key]
  if (Array.isArray(value)) return "array"
  if (value === null) return "object"
  const t = typeof value
  if (t === "number") return "number"
  if (t === "boolean") return "boolean"
  if (t === "object") return "object"
  return "string"
}

/** Replaces a top-level field with raw JSON text (keeps the rest of the valid body). */
function withRawField(valid: Record<string, unknown>, key: string, rawJson: string): string {
  const marker = "__RAW_FIELD_MARKER__"
  return JSON.stringify({ ...valid, [key]: marker }).replace(JSON.stringify(marker), rawJson)
}

export function generateCases(spec: RouteSpec): BadCase[] {
  const route = `${spec.method} ${spec.path.replace(/\?.*$/, "")}`
  const base = { family: spec.family, route, method: spec.method, path: spec.path, actor: spec.actor, store: !!spec.store }
  const cases: BadCase[] = []
  const add = (c: Partial<BadCase> & { label: string; expect: Expect }) => cases.push({ ...base, ...c })

  if (spec.method === "POST" && spec.valid !== undefined) {
    const valid = spec.valid ?? {}
    const emptyOk: Expect = spec.emptyIsValid ? "non5xx" : "4xx"
    // Transport-level garbage.
    add({ label: "malformed JSON (truncated)", body: '{"a": ', expect: "4xx" })
    add({ label: "malformed JSON (trailing comma)", body: '{"a": 1,}', expect: "4xx" })
    add({ label: "JSON in an unsupported charset", body: '{"a": 1}', contentType: "application/json; charset=utf-7", expect: "4xx" })
    add({ label: "wrong content-type text/plain", body: JSON.stringify(valid), contentType: "text/plain", expect: emptyOk })
    add({ label: "wrong content-type form-urlencoded", body: "a=1&b[c]=2", contentType: "application/x-www-form-urlencoded", expect: emptyOk })
    // Not an object.
    const arrayOk: Expect = spec.arrayIsValid ? "non5xx" : "4xx"
    add({ label: "array body", body: "[]", expect: arrayOk })
    add({ label: "array of the valid body", body: JSON.stringify([valid]), expect: arrayOk })
    add({ label: "null body", body: "null", expect: emptyOk })
    add({ label: "string body", body: '"hello"', expect: "4xx" })
    // Prototype pollution: the keys reach the validator as own properties.
    add({ label: "__proto__ key", body: JSON.stringify({ ...valid }).replace(/^\{/, '{"__proto__": {"is_admin": true, "polluted": "yes"},').replace(",}", "}"), expect: "4xx" })
    add({ label: "constructor.prototype key", body: JSON.stringify({ ...valid, constructor: { prototype: { polluted: "yes" } } }), expect: "4xx" })
    // Size.
    add({ label: "1 MB body", body: JSON.stringify({ ...valid, padding: ONE_MB }), expect: "4xx" })
    add({ label: "deeply nested body", body: '{"a":' + "[".repeat(5000) + "]".repeat(5000) + "}", expect: "4xx" })
    add({ label: "unknown field", body: JSON.stringify({ ...valid, definitely_not_a_field: 1 }), expect: "4xx" })

    // Field by field (the first MAX_FIELDS fields: the corpus stays a few hundred requests).
    for (const [key, value] of Object.entries(valid).slice(0, MAX_FIELDS)) {
      const kind = kindOf(spec, key, value)
      for (const [name, wrong] of wrongTypes(kind)) {
        // null is "clear this field" for optional nullable fields.
        const expect: Expect = name === "null" && !spec.required?.includes(key) ? "non5xx" : "4xx"
        add({ label: `${key}: ${name} instead of ${kind}`, body: JSON.stringify({ ...valid, [key]: wrong }), expect })
      }
      if (spec.required?.includes(key)) {
        const { [key]: _dropped, ...rest } = valid
        add({ label: `${key}: missing`, body: JSON.stringify(rest), expect: "4xx" })
      }
      if (kind === "string" || kind === "id") {
        add({ label: `${key}: 10 000 characters`, body: JSON.stringify({ ...valid, [key]: HUGE_STRING }), expect: spec.lenient ? "non5xx" : "4xx" })
        add({ label: `${key}: empty string`, body: JSON.stringify({ ...valid, [key]: "" }), expect: "non5xx" })
      }
      if (kind === "number" || kind === "quantity") {
        for (const [name, raw] of BAD_NUMBERS) {
          add({ label: `${key}: ${name} (${raw})`, body: withRawField(valid, key, raw), expect: kind === "quantity" && name !== "zero" ? "4xx" : "non5xx" })
        }
      }
    }
    // Unicode edge cases in the first free-text field: may be accepted, never a 5xx.
    const textFields = Object.entries(valid)
      .filter(([k, v]) => typeof v === "string" && kindOf(spec, k, v) === "string")
      .slice(0, 1)
    for (const [key] of textFields) {
      for (const [name, text] of Object.entries(UNICODE_EDGE_CASES)) {
        add({ label: `${key}: unicode ${name}`, body: JSON.stringify({ ...valid, [key]: text }), expect: "non5xx" })
      }
    }
  }

  if (spec.method === "GET") {
    const sep = spec.path.includes("?") ? "&" : "?"
    const short = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v)
    for (const [param, values] of Object.entries(spec.query ?? {})) {
      for (const v of values) add({ label: `?${param}=${short(v)}`, path: `${spec.path}${sep}${param}=${v}`, expect: "4xx" })
    }
    for (const [param, values] of Object.entries(spec.queryAny ?? {})) {
      for (const v of values) add({ label: `?${param}=${short(v)} (may match nothing)`, path: `${spec.path}${sep}${param}=${v}`, expect: "non5xx" })
    }
  }

  for (const extra of spec.extra ?? []) {
    add({ ...extra, method: extra.method ?? spec.method, actor: extra.actor ?? spec.actor, path: extra.path ?? spec.path })
  }
  return cases
}

/** Percent-encoded query values that are bad for any numeric or enum parameter. */
export const BAD_QUERY_VALUES = {
  number: ["-1", "0.5", "abc", "1e400", "99999999999999999999", "", "%00", "[object%20Object]"],
  text: [encodeURIComponent(HUGE_STRING), "%ED%A0%80", "%FF%FE", "%00"],
  enum: ["not-a-value", "%F0%9F%8D%B5", "%00"],
}

/** Unicode values for free-text query parameters (they may match nothing, never a 5xx). */
export const UNICODE_QUERY_VALUES = [
  "%ED%A0%80", // a lone surrogate, as (invalid) UTF-8
  "%FF%FE", // invalid UTF-8
  "%00",
  encodeURIComponent("\u202eevil"),
  encodeURIComponent("🍵🇻🇳"),
  encodeURIComponent("e\u0301\u0301\u0301"),
  encodeURIComponent("%' OR 1=1 --"),
  encodeURIComponent("\\"),
]

export function countByFamily(cases: BadCase[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of cases) out[c.family] = (out[c.family] ?? 0) + 1
  return out
}
