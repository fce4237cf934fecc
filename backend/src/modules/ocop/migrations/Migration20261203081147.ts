import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203081147 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "certification" drop constraint if exists "certification_certificate_number_recorded_unique";`);
    this.addSql(`drop index if exists "IDX_certification_certificate_number_unique";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certification_certificate_number_recorded_unique" ON "certification" ("certificate_number") WHERE deleted_at IS NULL AND status NOT IN ('pending_review', 'rejected');`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_certificate_number" ON "certification" ("certificate_number") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_certification_certificate_number_recorded_unique";`);
    this.addSql(`drop index if exists "IDX_certification_certificate_number";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certification_certificate_number_unique" ON "certification" ("certificate_number") WHERE deleted_at IS NULL;`);
  }

}
