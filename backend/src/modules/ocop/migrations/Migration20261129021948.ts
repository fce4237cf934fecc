import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129021948 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "certification" drop constraint if exists "certification_product_id_issuing_authority_decision_number_unique";`);
    this.addSql(`alter table if exists "certification" drop constraint if exists "certification_certificate_number_unique";`);
    this.addSql(`alter table if exists "producer" drop constraint if exists "producer_handle_unique";`);
    this.addSql(`create table if not exists "producer" ("id" text not null, "handle" text not null, "legal_name" text not null, "type" text check ("type" in ('cooperative', 'enterprise', 'cooperative_group', 'household')) not null, "registration_number" text not null, "street" text null, "commune" text not null, "district" text not null, "province" text not null default 'Thừa Thiên Huế', "latitude" real null, "longitude" real null, "phone" text null, "email" text null, "website" text null, "story_vi" text null, "story_en" text null, "logo_url" text null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'suspended')) not null default 'pending', "status_reason" text null, "status_changed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_pkey" primary key ("id"), constraint ocop_producer_lat_range check (latitude IS NULL OR (latitude BETWEEN -90 AND 90)), constraint ocop_producer_lng_range check (longitude IS NULL OR (longitude BETWEEN -180 AND 180)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_deleted_at" ON "producer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_handle_unique" ON "producer" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_status" ON "producer" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_district" ON "producer" ("district") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "certification" ("id" text not null, "product_id" text not null, "producer_id" text not null, "certificate_number" text not null, "decision_number" text not null, "decision_date" timestamptz not null, "issuing_authority" text not null, "authority_level" text check ("authority_level" in ('district', 'province', 'central')) not null, "score" integer not null, "stars" integer not null, "potential_five_star" boolean not null default false, "taxonomy_version" text not null, "group_code" text not null, "subgroup" text null, "valid_from" timestamptz not null, "valid_until" timestamptz not null, "status" text check ("status" in ('pending_review', 'active', 'expired', 'revoked', 'suspended', 'rejected')) not null default 'pending_review', "status_reason" text null, "evidence_url" text null, "geographical_indication" text null, "collective_trademark" text null, "reminders_sent" jsonb not null default '{}', "is_demo" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certification_pkey" primary key ("id"), constraint ocop_certification_score_range check (score >= 0 AND score <= 100), constraint ocop_certification_stars_range check (stars BETWEEN 1 AND 5), constraint ocop_certification_validity_order check (valid_until > valid_from));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_producer_id" ON "certification" ("producer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_deleted_at" ON "certification" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certification_certificate_number_unique" ON "certification" ("certificate_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certification_product_id_issuing_authority_decision_number_unique" ON "certification" ("product_id", "issuing_authority", "decision_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_product_id" ON "certification" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_status_valid_until" ON "certification" ("status", "valid_until") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "certification_event" ("id" text not null, "type" text check ("type" in ('submitted', 'issued', 'rerated', 'expired', 'revoked', 'suspended', 'reinstated', 'rejected', 'amended', 'reminder_sent')) not null, "from_status" text null, "to_status" text null, "from_stars" integer null, "to_stars" integer null, "from_score" integer null, "to_score" integer null, "reason" text null, "actor_type" text null, "actor_id" text null, "occurred_at" timestamptz not null, "certification_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certification_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_event_certification_id" ON "certification_event" ("certification_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_event_deleted_at" ON "certification_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_event_certification_id_occurred_at" ON "certification_event" ("certification_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "certification" add constraint "certification_producer_id_foreign" foreign key ("producer_id") references "producer" ("id") on update cascade;`);

    this.addSql(`alter table if exists "certification_event" add constraint "certification_event_certification_id_foreign" foreign key ("certification_id") references "certification" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "certification" drop constraint if exists "certification_producer_id_foreign";`);

    this.addSql(`alter table if exists "certification_event" drop constraint if exists "certification_event_certification_id_foreign";`);

    this.addSql(`drop table if exists "producer" cascade;`);

    this.addSql(`drop table if exists "certification" cascade;`);

    this.addSql(`drop table if exists "certification_event" cascade;`);
  }

}
