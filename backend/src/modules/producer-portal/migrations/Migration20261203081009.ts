import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203081009 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "listing_change" add column if not exists "review_decision" text check ("review_decision" in ('approved', 'rejected')) null, add column if not exists "review_note" text null, add column if not exists "reviewed_by" text null, add column if not exists "reviewed_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_review_queue" ON "listing_change" ("occurred_at") WHERE requires_review = true AND reviewed_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_listing_change_review_queue";`);
    this.addSql(`alter table if exists "listing_change" drop column if exists "review_decision", drop column if exists "review_note", drop column if exists "reviewed_by", drop column if exists "reviewed_at";`);
  }

}
