/**
 * VietQR payload builder (NAPAS "VietQR" profile of the EMVCo Merchant-Presented
 * QR specification).
 *
 * A VietQR payload is a flat string of TLV fields: a 2-digit ID, a 2-digit
 * decimal length and the value. Some values are themselves TLV "templates"
 * (IDs 38 and 62 here). The last field is always the CRC (ID 63), computed over
 * everything before it *including* its own "6304" header.
 *
 * Layout produced by {@link buildVietQrPayload} (IDs must be in ascending order):
 *
 *   00 Payload format indicator      "01"
 *   01 Point of initiation method    "12" (dynamic: the QR carries an amount)
 *   38 Merchant account information  (NAPAS template)
 *        00 GUID                       "A000000727"
 *        01 Beneficiary organisation   (template)
 *             00 Acquirer / bank BIN    6 digits
 *             01 Account number         1–19 alphanumerics
 *        02 Service code               "QRIBFTTA" (inter-bank fast transfer to an account)
 *   53 Transaction currency          "704" (ISO 4217 numeric for VND)
 *   54 Transaction amount            integer VND, no decimals
 *   58 Country code                  "VN"
 *   60 Merchant city                 optional
 *   62 Additional data               (template)
 *        08 Purpose of transaction     the transfer reference shown to the bank
 *   63 CRC                           CRC-16/CCITT-FALSE, 4 uppercase hex digits
 */

/** NAPAS' globally unique identifier (RID) for VietQR, sub-field 00 of ID 38. */
export const NAPAS_GUID = "A000000727"
/** Service code for a transfer to a bank account number (vs "QRIBFTTC" to a card). */
export const SERVICE_CODE_TRANSFER_TO_ACCOUNT = "QRIBFTTA"
/** ISO 4217 numeric code of the Vietnamese đồng. */
export const VND_NUMERIC_CODE = "704"

export const MAX_REFERENCE_LENGTH = 25
const MAX_AMOUNT_DIGITS = 13
const MAX_MERCHANT_CITY_LENGTH = 15

export interface VietQrInput {
  /** 6-digit NAPAS bank identification number, e.g. "970436" for Vietcombank. */
  bankBin: string
  /** Beneficiary account number, 1–19 letters or digits. */
  accountNumber: string
  /** Amount in whole đồng (VND has no minor unit). */
  amount: number
  currency: "VND"
  /** Transfer content; normalised to upper-case ASCII, at most 25 characters. */
  reference: string
  /** Optional merchant city (EMVCo ID 60), normalised like the reference. */
  merchantCity?: string
}

export interface TlvField {
  id: string
  length: number
  value: string
}

export interface DecodedVietQr {
  payloadFormat: string
  pointOfInitiation: string
  guid: string
  bankBin: string
  accountNumber: string
  serviceCode: string
  currency: string
  /** Undefined for a static QR (no ID 54). */
  amount?: number
  country: string
  merchantCity?: string
  reference?: string
  crc: string
  crcValid: boolean
}

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection,
 * no final XOR. Check value: crc16ccitt("123456789") === 0x29b1.
 *
 * Computed over the UTF-8 bytes of `input`; VietQR payloads are ASCII after
 * normalisation, so this is the same as iterating characters.
 */
export function crc16ccitt(input: string): number {
  let crc = 0xffff
  for (const byte of Buffer.from(input, "utf8")) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc
}

/** The CRC formatted as EMVCo wants it: 4 upper-case hex digits. */
export function crc16ccittHex(input: string): string {
  return crc16ccitt(input).toString(16).toUpperCase().padStart(4, "0")
}

/**
 * Encodes one TLV field. Lengths are 2 decimal digits, so a value can hold at
 * most 99 characters.
 */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) {
    throw new Error(`EMV TLV id must be two digits, got "${id}"`)
  }
  if (value.length > 99) {
    throw new Error(`EMV TLV field ${id} is ${value.length} characters long; the maximum is 99`)
  }
  return `${id}${String(value.length).padStart(2, "0")}${value}`
}

/**
 * Splits a TLV string into its fields, in order. Templates are not expanded:
 * call this again on a field's value to read its sub-fields.
 * Throws on a malformed or truncated payload.
 */
export function parseEmvTlv(payload: string): TlvField[] {
  const fields: TlvField[] = []
  let pos = 0
  while (pos < payload.length) {
    const id = payload.slice(pos, pos + 2)
    const lengthText = payload.slice(pos + 2, pos + 4)
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lengthText)) {
      throw new Error(`Malformed EMV TLV at offset ${pos}: expected a 2-digit id and length`)
    }
    const length = Number(lengthText)
    const value = payload.slice(pos + 4, pos + 4 + length)
    if (value.length !== length) {
      throw new Error(`Truncated EMV TLV field ${id} at offset ${pos}: declared ${length} characters, found ${value.length}`)
    }
    fields.push({ id, length, value })
    pos += 4 + length
  }
  return fields
}

/** Same as {@link parseEmvTlv} but keyed by id (the last occurrence wins). */
export function parseEmvTlvMap(payload: string): Record<string, string> {
  return Object.fromEntries(parseEmvTlv(payload).map((f) => [f.id, f.value]))
}

/**
 * Normalises free text for a VietQR field: strips Vietnamese diacritics
 * (including đ/Đ, which is a distinct letter rather than a combining mark),
 * upper-cases, and collapses whitespace. Bank apps and the NAPAS switch mangle
 * non-ASCII content in transfer descriptions, and reconciliation matches on this
 * text, so we only ever emit plain A–Z, 0–9 and spaces.
 */
export function normalizeVietQrText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/\s+/g, " ")
    .trim()
}

function assertValidInput(input: VietQrInput): { reference: string; merchantCity?: string } {
  if (typeof input.bankBin !== "string" || !/^\d{6}$/.test(input.bankBin)) {
    throw new Error(`VietQR: bankBin must be exactly 6 digits, got "${String(input.bankBin)}"`)
  }
  if (typeof input.accountNumber !== "string" || !/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    throw new Error(`VietQR: accountNumber must be 1–19 letters or digits, got "${String(input.accountNumber)}"`)
  }
  if (input.currency !== "VND") {
    throw new Error(`VietQR: only VND is supported, got "${String(input.currency)}"`)
  }
  if (
    typeof input.amount !== "number" ||
    !Number.isSafeInteger(input.amount) ||
    input.amount <= 0 ||
    String(input.amount).length > MAX_AMOUNT_DIGITS
  ) {
    throw new Error(
      `VietQR: amount must be a positive whole number of đồng with at most ${MAX_AMOUNT_DIGITS} digits, got ${String(input.amount)}`
    )
  }
  if (typeof input.reference !== "string") {
    throw new Error("VietQR: reference is required")
  }
  const reference = normalizeVietQrText(input.reference)
  if (reference.length === 0) {
    throw new Error("VietQR: reference must not be empty")
  }
  if (reference.length > MAX_REFERENCE_LENGTH) {
    throw new Error(
      `VietQR: reference "${reference}" is ${reference.length} characters long; the maximum is ${MAX_REFERENCE_LENGTH}`
    )
  }
  if (!/^[A-Z0-9 ]+$/.test(reference)) {
    throw new Error(`VietQR: reference "${reference}" may only contain letters A–Z, digits and spaces`)
  }

  let merchantCity: string | undefined
  if (input.merchantCity !== undefined) {
    merchantCity = normalizeVietQrText(input.merchantCity)
    if (!/^[A-Z0-9 ]{1,15}$/.test(merchantCity)) {
      throw new Error(
        `VietQR: merchantCity must be 1–${MAX_MERCHANT_CITY_LENGTH} letters, digits or spaces, got "${input.merchantCity}"`
      )
    }
  }
  return { reference, merchantCity }
}

/**
 * Builds a dynamic VietQR payload for a bank transfer of `amount` đồng to
 * `accountNumber` at the bank `bankBin`, with `reference` as transfer content.
 * Throws an Error describing the first invalid input.
 */
export function buildVietQrPayload(input: VietQrInput): string {
  const { reference, merchantCity } = assertValidInput(input)

  const beneficiary = tlv("00", input.bankBin) + tlv("01", input.accountNumber)
  const merchantAccount =
    tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_CODE_TRANSFER_TO_ACCOUNT)

  const body =
    tlv("00", "01") +
    tlv("01", "12") +
    tlv("38", merchantAccount) +
    tlv("53", VND_NUMERIC_CODE) +
    tlv("54", String(input.amount)) +
    tlv("58", "VN") +
    (merchantCity ? tlv("60", merchantCity) : "") +
    tlv("62", tlv("08", reference))

  // The CRC covers its own ID and length ("6304"), but not its value.
  const withCrcHeader = `${body}6304`
  return withCrcHeader + crc16ccittHex(withCrcHeader)
}

/**
 * True when the payload ends in a well-formed CRC field ("6304XXXX") whose
 * value matches the CRC of everything before it. Hex digits are compared
 * case-insensitively, as some generators emit lower case.
 */
export function verifyVietQrPayload(payload: string): boolean {
  if (typeof payload !== "string" || payload.length < 8) return false
  const crcField = payload.slice(-8)
  if (!/^6304[0-9A-Fa-f]{4}$/.test(crcField)) return false
  const expected = crc16ccittHex(payload.slice(0, -4))
  return crcField.slice(4).toUpperCase() === expected
}

/**
 * Decodes a VietQR payload back into its parts (useful for tests and for
 * showing the customer what their bank app will see). Does not throw on a bad
 * CRC: check `crcValid`. Throws if the TLV structure or the NAPAS template is
 * missing.
 */
export function decodeVietQrPayload(payload: string): DecodedVietQr {
  const top = parseEmvTlvMap(payload)
  const merchant = top["38"]
  if (merchant === undefined) {
    throw new Error("VietQR: payload has no merchant account information (ID 38)")
  }
  const merchantFields = parseEmvTlvMap(merchant)
  const beneficiary = parseEmvTlvMap(merchantFields["01"] ?? "")
  const additional = top["62"] !== undefined ? parseEmvTlvMap(top["62"]) : {}

  return {
    payloadFormat: top["00"] ?? "",
    pointOfInitiation: top["01"] ?? "",
    guid: merchantFields["00"] ?? "",
    bankBin: beneficiary["00"] ?? "",
    accountNumber: beneficiary["01"] ?? "",
    serviceCode: merchantFields["02"] ?? "",
    currency: top["53"] ?? "",
    amount: top["54"] !== undefined ? Number(top["54"]) : undefined,
    country: top["58"] ?? "",
    merchantCity: top["60"],
    reference: additional["08"],
    crc: top["63"] ?? "",
    crcValid: verifyVietQrPayload(payload),
  }
}

/**
 * A short, unique transfer reference for an order, e.g. "OCOP 1042".
 *
 * - A numeric display id (number or digit string) is used as is: display ids
 *   are unique per store and short enough to read out over the phone.
 * - Any other id (e.g. "order_01JC3Z...") is stripped of its prefix and
 *   non-alphanumerics, upper-cased, and its *tail* is kept so the result fits
 *   the 25-character VietQR limit (a ULID's tail is its random part).
 *
 * Banks sometimes drop or re-space transfer content, so reconciliation should
 * compare references with whitespace removed.
 */
export function makeTransferReference(orderDisplayIdOrId: number | string, prefix = "OCOP"): string {
  const normalizedPrefix = normalizeVietQrText(prefix)
  if (!/^[A-Z0-9]{1,10}$/.test(normalizedPrefix)) {
    throw new Error(`Transfer reference prefix must be 1–10 letters or digits, got "${prefix}"`)
  }

  let key: string
  if (typeof orderDisplayIdOrId === "number") {
    if (!Number.isSafeInteger(orderDisplayIdOrId) || orderDisplayIdOrId < 0) {
      throw new Error(`Order display id must be a non-negative integer, got ${orderDisplayIdOrId}`)
    }
    key = String(orderDisplayIdOrId)
  } else if (typeof orderDisplayIdOrId === "string" && /^\d+$/.test(orderDisplayIdOrId.trim())) {
    key = orderDisplayIdOrId.trim()
  } else if (typeof orderDisplayIdOrId === "string") {
    key = normalizeVietQrText(orderDisplayIdOrId.replace(/^[a-z]+_/i, "")).replace(/[^A-Z0-9]/g, "")
  } else {
    throw new Error("Order id is required for a transfer reference")
  }

  if (key.length === 0) {
    throw new Error(`Cannot build a transfer reference from "${String(orderDisplayIdOrId)}"`)
  }
  const room = MAX_REFERENCE_LENGTH - normalizedPrefix.length - 1
  if (key.length > room) key = key.slice(-room)
  return `${normalizedPrefix} ${key}`
}
