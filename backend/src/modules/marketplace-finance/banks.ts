import napas from "./data/napas-banks.json"

/**
 * The banks a producer can be paid at, from the reviewable data file
 * data/napas-banks.json (bank BIN = NAPAS' 6-digit bank identification number,
 * which VietQR puts in the payload).
 */
export type NapasBank = { bin: string; short_name: string; name: string }

export const NAPAS_BANKS: readonly NapasBank[] = Object.freeze(napas.banks.map((b) => Object.freeze({ ...b })))
const BY_BIN = new Map(NAPAS_BANKS.map((b) => [b.bin, b]))

export function bankByBin(bin: string): NapasBank | undefined {
  return BY_BIN.get(bin)
}

/** VietQR's own limit on an account number (vietqr.ts): 1–19 letters or digits. */
export const ACCOUNT_NUMBER_PATTERN = /^[A-Za-z0-9]{1,19}$/
