import { describe, expect, it } from "vitest"
import {
  buildVietQrPayload,
  crc16ccitt,
  crc16ccittHex,
  decodeVietQrPayload,
  makeTransferReference,
  normalizeVietQrText,
  parseEmvTlv,
  parseEmvTlvMap,
  verifyVietQrPayload,
  type VietQrInput,
} from "./vietqr"

const base: VietQrInput = {
  bankBin: "970436",
  accountNumber: "0011000123456",
  amount: 45000,
  currency: "VND",
  reference: "OCOP 1042",
}

describe("crc16ccitt (CRC-16/CCITT-FALSE)", () => {
  it("matches the catalogue check value for '123456789'", () => {
    expect(crc16ccitt("123456789")).toBe(0x29b1)
    expect(crc16ccittHex("123456789")).toBe("29B1")
  })

  it("is 0xFFFF (the init value) for the empty string and pads to 4 hex digits", () => {
    expect(crc16ccitt("")).toBe(0xffff)
    // CRCs below 0x1000 must keep their leading zero (value checked independently).
    expect(crc16ccitt("x44")).toBe(0x02b3)
    expect(crc16ccittHex("x44")).toBe("02B3")
  })

  it("reproduces the NAPAS VietQR specification test vectors (static QR to account / to card)", () => {
    expect(
      crc16ccittHex("00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304")
    ).toBe("F4E5")
    expect(
      crc16ccittHex("00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN6304")
    ).toBe("4F52")
  })
})

describe("buildVietQrPayload", () => {
  // Derived by hand from the spec (see the layout comment in vietqr.ts):
  //   000201                          payload format "01"
  //   010212                          dynamic QR
  //   3857                            merchant account info, 57 chars:
  //     0010A000000727                  GUID
  //     0127                            beneficiary, 27 chars:
  //       0006970436                      BIN
  //       01130011000123456               account (13 chars)
  //     0208QRIBFTTA                    service code
  //   5303704                         VND
  //   540545000                       amount
  //   5802VN                          country
  //   6213 0809OCOP 1042              additional data, purpose = reference
  //   6304A1CF                        CRC (computed independently with a bitwise implementation)
  const expected =
    "000201" +
    "010212" +
    "3857" +
    "0010A000000727" +
    "0127" +
    "0006970436" +
    "01130011000123456" +
    "0208QRIBFTTA" +
    "5303704" +
    "540545000" +
    "5802VN" +
    "62130809OCOP 1042" +
    "6304A1CF"

  it("builds the exact payload for known inputs", () => {
    expect(buildVietQrPayload(base)).toBe(expected)
  })

  it("emits every TLV field in order with the right values", () => {
    const fields = parseEmvTlv(buildVietQrPayload(base))
    expect(fields.map((f) => f.id)).toEqual(["00", "01", "38", "53", "54", "58", "62", "63"])
    const top = parseEmvTlvMap(buildVietQrPayload(base))
    expect(top["00"]).toBe("01")
    expect(top["01"]).toBe("12")
    expect(top["53"]).toBe("704")
    expect(top["54"]).toBe("45000")
    expect(top["58"]).toBe("VN")
    expect(top["63"]).toBe("A1CF")

    const merchant = parseEmvTlv(top["38"])
    expect(merchant).toEqual([
      { id: "00", length: 10, value: "A000000727" },
      { id: "01", length: 27, value: "000697043601130011000123456" },
      { id: "02", length: 8, value: "QRIBFTTA" },
    ])
    expect(parseEmvTlv(merchant[1].value)).toEqual([
      { id: "00", length: 6, value: "970436" },
      { id: "01", length: 13, value: "0011000123456" },
    ])
    expect(parseEmvTlv(top["62"])).toEqual([{ id: "08", length: 9, value: "OCOP 1042" }])
  })

  it("adds the merchant city (ID 60) between country and additional data when given", () => {
    const payload = buildVietQrPayload({ ...base, merchantCity: "Huế City" })
    expect(payload).toBe(
      "00020101021238570010A00000072701270006970436011300110001234560208QRIBFTTA" +
        "53037045405450005802VN6008HUE CITY62130809OCOP 10426304AE53"
    )
  })

  it("round-trips through decodeVietQrPayload", () => {
    const payload = buildVietQrPayload({ ...base, amount: 1_250_000, reference: "OCOP 7" })
    expect(decodeVietQrPayload(payload)).toEqual({
      payloadFormat: "01",
      pointOfInitiation: "12",
      guid: "A000000727",
      bankBin: "970436",
      accountNumber: "0011000123456",
      serviceCode: "QRIBFTTA",
      currency: "704",
      amount: 1_250_000,
      country: "VN",
      merchantCity: undefined,
      reference: "OCOP 7",
      crc: payload.slice(-4),
      crcValid: true,
    })
  })

  it("strips Vietnamese accents (including đ) and upper-cases the reference", () => {
    const payload = buildVietQrPayload({ ...base, reference: "  Thanh toán  đơn hàng 42 " })
    expect(decodeVietQrPayload(payload).reference).toBe("THANH TOAN DON HANG 42")
    expect(normalizeVietQrText("Đặc sản Huế: mè xửng")).toBe("DAC SAN HUE: ME XUNG")
    expect(verifyVietQrPayload(payload)).toBe(true)
  })

  it.each<[string, Partial<VietQrInput>, RegExp]>([
    ["a 5-digit BIN", { bankBin: "97043" }, /bankBin must be exactly 6 digits/],
    ["a BIN with letters", { bankBin: "97043A" }, /bankBin/],
    ["an empty account", { accountNumber: "" }, /accountNumber/],
    ["a 20-character account", { accountNumber: "1".repeat(20) }, /accountNumber/],
    ["an account with a dash", { accountNumber: "0011-000" }, /accountNumber/],
    ["a zero amount", { amount: 0 }, /amount must be a positive whole number/],
    ["a negative amount", { amount: -5000 }, /amount/],
    ["a fractional amount", { amount: 45000.5 }, /amount/],
    ["a 14-digit amount", { amount: 10_000_000_000_000 }, /at most 13 digits/],
    ["NaN", { amount: Number.NaN }, /amount/],
    ["a non-VND currency", { currency: "USD" as "VND" }, /only VND/],
    ["an empty reference", { reference: "   " }, /reference must not be empty/],
    ["a 26-character reference", { reference: "A".repeat(26) }, /maximum is 25/],
    ["a reference with punctuation", { reference: "OCOP#1042" }, /only contain letters/],
    ["a too-long merchant city", { merchantCity: "Thanh pho Hue xa xa" }, /merchantCity/],
  ])("rejects %s", (_label, override, message) => {
    expect(() => buildVietQrPayload({ ...base, ...override })).toThrow(message)
  })

  it("accepts the boundaries: 19-char account, 13-digit amount, 25-char reference", () => {
    const payload = buildVietQrPayload({
      ...base,
      accountNumber: "A".repeat(19),
      amount: 9_999_999_999_999,
      reference: "Đ".repeat(25),
    })
    const decoded = decodeVietQrPayload(payload)
    expect(decoded.accountNumber).toBe("A".repeat(19))
    expect(decoded.amount).toBe(9_999_999_999_999)
    expect(decoded.reference).toBe("D".repeat(25))
    expect(decoded.crcValid).toBe(true)
  })
})

describe("parseEmvTlv / verifyVietQrPayload", () => {
  const napasStatic = "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5"

  it("verifies a payload from the NAPAS specification and rejects a tampered one", () => {
    expect(verifyVietQrPayload(napasStatic)).toBe(true)
    expect(verifyVietQrPayload(napasStatic.toLowerCase().replace("a000000727", "A000000727"))).toBe(false)
    const built = buildVietQrPayload(base)
    expect(verifyVietQrPayload(built)).toBe(true)
    // Change the amount but keep the old CRC: the check must catch it.
    expect(verifyVietQrPayload(built.replace("540545000", "540595000"))).toBe(false)
    expect(verifyVietQrPayload(built.slice(0, -1))).toBe(false)
    expect(verifyVietQrPayload("")).toBe(false)
  })

  it("accepts lower-case CRC hex", () => {
    const built = buildVietQrPayload(base)
    expect(verifyVietQrPayload(built.slice(0, -4) + built.slice(-4).toLowerCase())).toBe(true)
  })

  it("parses the top level of the NAPAS static example (no amount, no reference)", () => {
    // Only the top level: the published example's nested account field declares
    // 12 characters but carries 13, so its ID 38 template is not well-formed.
    const top = parseEmvTlv(napasStatic)
    expect(top.map((f) => f.id)).toEqual(["00", "01", "38", "53", "58", "63"])
    expect(parseEmvTlvMap(napasStatic)["01"]).toBe("11")
    expect(parseEmvTlvMap(parseEmvTlvMap(napasStatic)["38"])["02"]).toBe("QRIBFTTA")
  })

  it("throws on malformed or truncated TLV", () => {
    expect(() => parseEmvTlv("0002")).toThrow(/Truncated EMV TLV field 00/)
    expect(() => parseEmvTlv("00020")).toThrow(/Truncated/)
    expect(() => parseEmvTlv("0X0201")).toThrow(/Malformed EMV TLV at offset 0/)
    expect(() => parseEmvTlv("000201" + "01")).toThrow(/Malformed EMV TLV at offset 6/)
  })
})

describe("makeTransferReference", () => {
  it("uses a numeric display id as is", () => {
    expect(makeTransferReference(1042)).toBe("OCOP 1042")
    expect(makeTransferReference("1042")).toBe("OCOP 1042")
  })

  it("uses the tail of a prefixed ULID id, within 25 characters", () => {
    const ref = makeTransferReference("order_01JC3ZQ8W5X2K7B9M4N6P1R3T5")
    expect(ref).toBe("OCOP Q8W5X2K7B9M4N6P1R3T5")
    expect(ref).toHaveLength(25)
    expect(() => buildVietQrPayload({ ...base, reference: ref })).not.toThrow()
  })

  it("gives different orders different references and supports a custom prefix", () => {
    expect(makeTransferReference(1)).not.toBe(makeTransferReference(2))
    expect(makeTransferReference(7, "hue")).toBe("HUE 7")
  })

  it("rejects ids it cannot turn into a reference", () => {
    expect(() => makeTransferReference(-1)).toThrow(/non-negative integer/)
    expect(() => makeTransferReference(1.5)).toThrow(/non-negative integer/)
    expect(() => makeTransferReference("order_---")).toThrow(/Cannot build/)
    expect(() => makeTransferReference(1, "bad prefix!")).toThrow(/prefix/)
  })
})
