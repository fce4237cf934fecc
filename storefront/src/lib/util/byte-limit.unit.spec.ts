import { describe, expect, it } from "vitest"
import { ByteLimitExceeded, limitBytes } from "./byte-limit"

function chunks(sizes: number[], { endless = false } = {}) {
  let i = 0
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < sizes.length) {
        pulled++
        controller.enqueue(new Uint8Array(sizes[i++]))
      } else if (endless) {
        pulled++
        controller.enqueue(new Uint8Array(1024))
      } else controller.close()
    },
  })
  return { stream, pulled: () => pulled }
}

async function drain(stream: ReadableStream<Uint8Array>) {
  let total = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return total
    total += value.byteLength
  }
}

describe("limitBytes", () => {
  it("passes a body up to the limit through unchanged", async () => {
    expect(await drain(limitBytes(chunks([400, 400, 200]).stream, 1000))).toBe(1000)
  })

  it("errors as soon as the limit is passed, without reading the rest", async () => {
    await expect(drain(limitBytes(chunks([600, 600, 600, 600]).stream, 1000))).rejects.toBeInstanceOf(ByteLimitExceeded)
  })

  it("stops an endless body after about the limit (nothing buffers it)", async () => {
    const source = chunks([], { endless: true })
    await expect(drain(limitBytes(source.stream, 64 * 1024))).rejects.toThrow(/more than 65536 bytes/)
    // Backpressure: the source was pulled only a little past the limit, not to exhaustion.
    expect(source.pulled()).toBeLessThan(64 + 10)
  })
})
