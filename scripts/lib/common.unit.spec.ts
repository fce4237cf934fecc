import { StageError, checkNodeVersion } from "./common.mjs"

describe("checkNodeVersion", () => {
  it("accepts Node 20.19 and newer", () => {
    expect(() => checkNodeVersion("20.19.0")).not.toThrow()
    expect(() => checkNodeVersion("20.20.2")).not.toThrow()
    expect(() => checkNodeVersion("22.1.0")).not.toThrow()
  })
  it("refuses older versions with one clear sentence", () => {
    expect(() => checkNodeVersion("20.18.3")).toThrow(StageError)
    expect(() => checkNodeVersion("18.20.0")).toThrow("Node 18.20.0 is too old: this project needs Node 20.19.0 or newer.")
  })
})
