import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { currentUnitOfFormer, HUE_CITY_NAME } from "../admin-units";

/** Province names a producer may carry from before 1 January 2025 (Resolution 175/2024/QH15). */
const FORMER_PROVINCE_NAMES = ["Thừa Thiên Huế", "tỉnh Thừa Thiên Huế", "Thừa Thiên - Huế", "TT Huế", "TT-Huế"];

export class Migration20261203113358 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer" add column if not exists "former_commune" text null;`);
    this.addSql(`alter table if exists "producer" alter column "province" type text using ("province"::text);`);
    this.addSql(`alter table if exists "producer" alter column "province" set default 'thành phố Huế';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_commune" ON "producer" ("commune") WHERE deleted_at IS NULL;`);
    await this.convertProducersToCurrentUnits();
  }

  /**
   * Producers recorded before the 2025 reform name their former commune and district: move them
   * to the current unit of admin-units-2025.json (keeping the former commune, and the district as
   * the "area"). A commune that does not map to exactly one unit is left as it is, for the producer
   * to pick its unit in the portal. Parameterised through knex: the values are data, never SQL.
   */
  private async convertProducersToCurrentUnits(): Promise<void> {
    const knex = this.getKnex();
    const rows = (await this.execute(
      // Runs before the queued ALTER above: no row has a former commune yet.
      knex("producer").select("id", "commune", "district").whereNull("deleted_at")
    )) as { id: string; commune: string; district: string }[];
    for (const row of rows) {
      const unit = currentUnitOfFormer(row.commune, row.district);
      if (!unit) continue;
      this.addSql(knex("producer").where({ id: row.id }).update({ former_commune: row.commune, commune: unit.name }));
    }
    this.addSql(knex("producer").whereIn("province", FORMER_PROVINCE_NAMES).update({ province: HUE_CITY_NAME }));
  }

  override async down(): Promise<void> {
    // Back to the former units where they are known (the reverse of the conversion above).
    this.addSql(`update "producer" set "commune" = "former_commune" where "former_commune" is not null;`);
    this.addSql(`drop index if exists "IDX_producer_commune";`);
    this.addSql(`alter table if exists "producer" drop column if exists "former_commune";`);

    this.addSql(`alter table if exists "producer" alter column "province" type text using ("province"::text);`);
    this.addSql(`alter table if exists "producer" alter column "province" set default 'Thừa Thiên Huế';`);
  }

}
