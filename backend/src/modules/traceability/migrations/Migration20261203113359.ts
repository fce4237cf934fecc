import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203113359 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot" drop constraint if exists "lot_live_gtin_lot_number_unique";`);
    this.addSql(`alter table if exists "trade_item" drop constraint if exists "trade_item_variant_id_unique";`);
    this.addSql(`alter table if exists "trade_item" drop constraint if exists "trade_item_gtin_unique";`);
    this.addSql(`create table if not exists "trade_item" ("id" text not null, "gtin" text not null, "product_id" text not null, "variant_id" text not null, "producer_id" text not null, "is_demo" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_item_pkey" primary key ("id"), constraint trade_item_gtin14_digits check (gtin ~ '^[0-9]{14}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_item_deleted_at" ON "trade_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_item_gtin_unique" ON "trade_item" ("gtin") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_item_variant_id_unique" ON "trade_item" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_item_product_id" ON "trade_item" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_item_producer_id" ON "trade_item" ("producer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot" ("id" text not null, "trade_item_id" text not null, "gtin" text not null, "product_id" text not null, "variant_id" text not null, "producer_id" text not null, "lot_number" text not null, "production_date" timestamptz not null, "expiry_date" timestamptz null, "quantity" integer not null, "notes" text null, "corrects_lot_id" text null, "superseded_at" timestamptz null, "is_demo" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_pkey" primary key ("id"), constraint lot_quantity_positive check (quantity > 0), constraint lot_expiry_after_production check (expiry_date IS NULL OR expiry_date > production_date), constraint lot_number_gs1_safe check (lot_number ~ '^[A-Z0-9][A-Z0-9-]{0,19}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_trade_item_id" ON "lot" ("trade_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_deleted_at" ON "lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_live_gtin_lot_number_unique" ON "lot" ("gtin", "lot_number") WHERE deleted_at IS NULL AND superseded_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_gtin_lot_number" ON "lot" ("gtin", "lot_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_producer_id_created_at" ON "lot" ("producer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_product_id" ON "lot" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "lot_event" ("id" text not null, "lot_id" text not null, "action" text check ("action" in ('recorded', 'edited', 'corrected', 'superseded')) not null, "actor_type" text not null, "actor_id" text null, "before" jsonb null, "after" jsonb null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_lot_id" ON "lot_event" ("lot_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_deleted_at" ON "lot_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_event_lot_id_created_at" ON "lot_event" ("lot_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "lot" add constraint "lot_trade_item_id_foreign" foreign key ("trade_item_id") references "trade_item" ("id") on update cascade;`);

    this.addSql(`alter table if exists "lot_event" add constraint "lot_event_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot" drop constraint if exists "lot_trade_item_id_foreign";`);

    this.addSql(`alter table if exists "lot_event" drop constraint if exists "lot_event_lot_id_foreign";`);

    this.addSql(`drop table if exists "trade_item" cascade;`);

    this.addSql(`drop table if exists "lot" cascade;`);

    this.addSql(`drop table if exists "lot_event" cascade;`);
  }

}
