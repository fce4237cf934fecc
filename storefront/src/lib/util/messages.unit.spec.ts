import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import vi from "../../../messages/vi.json"
import { BASE_CLIENT_NAMESPACES, pickMessages } from "./messages"

describe("pickMessages", () => {
  const messages = { nav: { home: "Home" }, cart: { title: "Cart" }, producer: { title: "Producers", portal: { nav: { home: "Portal" } } } }

  it("keeps only the requested namespaces", () => {
    expect(pickMessages(messages, ["nav"])).toEqual({ nav: { home: "Home" } })
    expect(pickMessages(messages, ["nav", "cart"])).toEqual({ nav: { home: "Home" }, cart: { title: "Cart" } })
  })

  it("nests dotted namespaces as in the catalogue", () => {
    expect(pickMessages(messages, ["producer.portal"])).toEqual({ producer: { portal: { nav: { home: "Portal" } } } })
    expect(pickMessages(messages, ["producer.portal.nav", "producer"])).toEqual({ producer: messages.producer })
  })

  it("skips unknown namespaces", () => {
    expect(pickMessages(messages, ["nope", "nav.nope"])).toEqual({})
  })
})

describe("client message namespaces", () => {
  // The header's client components and the segment error boundaries render on
  // every page, under the root provider: what they translate must be in the base set.
  const SRC = path.resolve(__dirname, "../..")
  const everywhere = ["components/search/SearchBox.tsx", "components/layout/LocaleSwitcher.tsx", "components/common/ErrorState.tsx", "components/common/States.tsx"]

  it.each(everywhere)("%s only uses base namespaces", (file) => {
    const source = fs.readFileSync(path.join(SRC, file), "utf8")
    const used = [...source.matchAll(/useTranslations\("([^"]+)"\)/g)].map((m) => m[1].split(".")[0])
    expect(used.length).toBeGreaterThan(0)
    for (const ns of used) expect(BASE_CLIENT_NAMESPACES).toContain(ns)
  })

  it("the base namespaces exist in the catalogue", () => {
    for (const ns of BASE_CLIENT_NAMESPACES) expect(Object.keys(pickMessages(vi, [ns]))).toEqual([ns])
  })
})
