import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203113354 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer_bank_account" drop constraint if exists "producer_bank_account_producer_id_unique";`);
    this.addSql(`alter table if exists "payout_item" drop constraint if exists "payout_item_ledger_entry_id_unique";`);
    this.addSql(`alter table if exists "payout" drop constraint if exists "payout_reference_unique";`);
    this.addSql(`alter table if exists "order_line_rate" drop constraint if exists "order_line_rate_line_item_id_unique";`);
    this.addSql(`alter table if exists "ledger_entry" drop constraint if exists "ledger_entry_source_id_line_item_id_unique";`);
    this.addSql(`create table if not exists "commission_rule" ("id" text not null, "scope" text check ("scope" in ('default', 'group', 'producer')) not null, "scope_key" text not null, "group_code" text null, "producer_id" text null, "rate_bp" integer not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rule_pkey" primary key ("id"), constraint commission_rule_rate_range check (rate_bp >= 0 AND rate_bp <= 10000), constraint commission_rule_validity_order check (valid_until IS NULL OR valid_until > valid_from), constraint commission_rule_scope_shape check ((scope = 'default' AND group_code IS NULL AND producer_id IS NULL) OR (scope = 'group' AND group_code IS NOT NULL AND producer_id IS NULL) OR (scope = 'producer' AND producer_id IS NOT NULL AND group_code IS NULL)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_deleted_at" ON "commission_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_scope_key_valid_from" ON "commission_rule" ("scope_key", "valid_from") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_producer_id" ON "commission_rule" ("producer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "finance_event" ("id" text not null, "subject_type" text check ("subject_type" in ('commission_rule', 'bank_account', 'payout')) not null, "subject_id" text not null, "producer_id" text null, "action" text not null, "actor_type" text null, "actor_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "finance_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_event_deleted_at" ON "finance_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_event_subject_type_subject_id" ON "finance_event" ("subject_type", "subject_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finance_event_producer_id" ON "finance_event" ("producer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ledger_entry" ("id" text not null, "order_id" text not null, "order_display_id" integer null, "line_item_id" text not null, "producer_id" text not null, "currency_code" text not null, "kind" text check ("kind" in ('earning', 'reversal')) not null, "source_type" text check ("source_type" in ('capture', 'refund')) not null, "source_id" text not null, "payment_method" text null, "gross" numeric not null, "shipping" numeric not null, "commission" numeric not null, "net" numeric not null, "rate_bp" integer not null, "commission_rule_id" text null, "occurred_at" timestamptz not null, "raw_gross" jsonb not null, "raw_shipping" jsonb not null, "raw_commission" jsonb not null, "raw_net" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ledger_entry_pkey" primary key ("id"), constraint ledger_entry_net_adds_up check (gross = net + commission), constraint ledger_entry_sign check ((kind = 'earning' AND gross >= 0) OR (kind = 'reversal' AND gross <= 0)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_deleted_at" ON "ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_entry_source_id_line_item_id_unique" ON "ledger_entry" ("source_id", "line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_producer_id_currency_code_occurred_at" ON "ledger_entry" ("producer_id", "currency_code", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_entry_order_id" ON "ledger_entry" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_line_rate" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "producer_id" text not null, "group_code" text null, "rate_bp" integer not null, "commission_rule_id" text null, "placed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_line_rate_pkey" primary key ("id"), constraint order_line_rate_rate_range check (rate_bp >= 0 AND rate_bp <= 10000));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_rate_deleted_at" ON "order_line_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_line_rate_line_item_id_unique" ON "order_line_rate" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_rate_order_id" ON "order_line_rate" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout" ("id" text not null, "run_id" text not null, "producer_id" text not null, "currency_code" text not null, "amount" numeric not null, "gross" numeric not null, "commission" numeric not null, "entry_count" integer not null, "period_end" timestamptz not null, "status" text check ("status" in ('pending', 'paid', 'failed')) not null default 'pending', "reference" text not null, "bank_bin" text null, "account_number" text null, "account_name" text null, "vietqr_payload" text null, "paid_at" timestamptz null, "bank_reference" text null, "failed_at" timestamptz null, "failure_reason" text null, "raw_amount" jsonb not null, "raw_gross" jsonb not null, "raw_commission" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_pkey" primary key ("id"), constraint payout_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_deleted_at" ON "payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_producer_id_status" ON "payout" ("producer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_run_id" ON "payout" ("run_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_reference_unique" ON "payout" ("reference") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout_item" ("id" text not null, "payout_id" text not null, "ledger_entry_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_item_deleted_at" ON "payout_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_item_ledger_entry_id_unique" ON "payout_item" ("ledger_entry_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_item_payout_id" ON "payout_item" ("payout_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "producer_bank_account" ("id" text not null, "producer_id" text not null, "bank_bin" text not null, "account_number" text not null, "account_name" text not null, "status" text check ("status" in ('unverified', 'verified')) not null default 'unverified', "verified_at" timestamptz null, "verified_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_bank_account_pkey" primary key ("id"), constraint producer_bank_account_bin check (bank_bin ~ '^[0-9]{6}\$'), constraint producer_bank_account_number check (account_number ~ '^[A-Za-z0-9]{1,19}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_bank_account_deleted_at" ON "producer_bank_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_bank_account_producer_id_unique" ON "producer_bank_account" ("producer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commission_rule" cascade;`);

    this.addSql(`drop table if exists "finance_event" cascade;`);

    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "order_line_rate" cascade;`);

    this.addSql(`drop table if exists "payout" cascade;`);

    this.addSql(`drop table if exists "payout_item" cascade;`);

    this.addSql(`drop table if exists "producer_bank_account" cascade;`);
  }

}
