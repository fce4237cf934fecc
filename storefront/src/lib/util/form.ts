/** A text field of a submitted form; a file or a missing field is "". */
export function formText(fd: FormData, key: string): string {
  const v = fd.get(key)
  return typeof v === "string" ? v : ""
}
