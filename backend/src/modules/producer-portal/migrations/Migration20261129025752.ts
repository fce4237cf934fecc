import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129025752 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer_user" drop constraint if exists "producer_user_email_unique";`);
    this.addSql(`alter table if exists "producer_invite" drop constraint if exists "producer_invite_token_hash_unique";`);
    this.addSql(`create table if not exists "listing_change" ("id" text not null, "producer_id" text not null, "product_id" text null, "subject" text check ("subject" in ('producer', 'product', 'certification', 'member', 'order')) not null, "action" text not null, "actor_type" text not null, "actor_id" text null, "fields" text[] not null, "before" jsonb null, "after" jsonb null, "requires_review" boolean not null default false, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "listing_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_deleted_at" ON "listing_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_producer_id_occurred_at" ON "listing_change" ("producer_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_product_id_occurred_at" ON "listing_change" ("product_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "producer_invite" ("id" text not null, "producer_id" text not null, "email" text not null, "role" text check ("role" in ('owner', 'member')) not null default 'member', "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by" text null, "invited_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_invite_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_invite_deleted_at" ON "producer_invite" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_invite_token_hash_unique" ON "producer_invite" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_invite_producer_id" ON "producer_invite" ("producer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_invite_email" ON "producer_invite" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "producer_user" ("id" text not null, "producer_id" text not null, "email" text not null, "first_name" text null, "last_name" text null, "phone" text null, "role" text check ("role" in ('owner', 'member')) not null default 'member', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_user_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_user_deleted_at" ON "producer_user" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_user_email_unique" ON "producer_user" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_user_producer_id" ON "producer_user" ("producer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "listing_change" cascade;`);

    this.addSql(`drop table if exists "producer_invite" cascade;`);

    this.addSql(`drop table if exists "producer_user" cascade;`);
  }

}
