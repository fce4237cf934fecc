/** Thrown into a limited stream once more than `maxBytes` went through it. */
export class ByteLimitExceeded extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`)
    this.name = "ByteLimitExceeded"
  }
}

/**
 * Passes `source` through chunk by chunk and errors with ByteLimitExceeded as soon as
 * more than `maxBytes` have gone by: nothing is buffered, so a chunked body without a
 * Content-Length (or one that lies about it) costs at most one chunk of memory.
 */
export function limitBytes(source: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > maxBytes) controller.error(new ByteLimitExceeded(maxBytes))
        else controller.enqueue(chunk)
      },
    })
  )
}
