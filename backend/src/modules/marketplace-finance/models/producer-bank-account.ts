import { model } from "@medusajs/framework/utils"

export const BANK_ACCOUNT_STATUSES = ["unverified", "verified"] as const

/**
 * Where a producer is paid: a bank (NAPAS BIN from data/napas-banks.json), the account
 * number and the account holder's name as the bank has it. Any change puts it back to
 * `unverified` until the OCOP office checks it again; payouts go only to a verified one.
 */
const ProducerBankAccount = model
  .define("producer_bank_account", {
    id: model.id({ prefix: "pbank" }).primaryKey(),
    producer_id: model.text(),
    bank_bin: model.text(),
    account_number: model.text(),
    account_name: model.text(),
    status: model.enum([...BANK_ACCOUNT_STATUSES]).default("unverified"),
    verified_at: model.dateTime().nullable(),
    verified_by: model.text().nullable(),
  })
  .indexes([{ on: ["producer_id"], unique: true, where: "deleted_at IS NULL" }])
  .checks([
    { name: "producer_bank_account_bin", expression: (c) => `${c.bank_bin} ~ '^[0-9]{6}$'` },
    { name: "producer_bank_account_number", expression: (c) => `${c.account_number} ~ '^[A-Za-z0-9]{1,19}$'` },
  ])

export default ProducerBankAccount
