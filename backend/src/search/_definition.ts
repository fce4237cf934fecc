/**
 * The product index's fields and settings, apart from its registration
 * (product.ts), so unit tests can build the index without registering it.
 */
import { search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { synonymsForMeilisearch } from "./_synonyms"
import { OCOP_POSTGRES_PROVIDER } from "./postgres/_identifier"

/** The field a misspelt query is matched against on PostgreSQL: product names (short text, indexed by trigram). */
const typo = { [OCOP_POSTGRES_PROVIDER]: { typo: true } }

export const productSearchFields = search.define({
  id: search.keyword().filterable().sortable(),
  handle: search.keyword().filterable(),
  title: search.keyword(),
  title_en: search.keyword(),
  subtitle: search.keyword(),
  thumbnail: search.keyword(),
  // `status` and `sales_channel_ids` let Medusa's POST /store/search scope hits
  // to published products of the publishable key's sales channels.
  status: search.keyword().filterable(),
  sales_channel_ids: search.keyword().array().filterable(),
  stars: search.integer().filterable().sortable().facetable({ types: ["value", "range"] }),
  potential_five_star: search.boolean().filterable(),
  group_code: search.keyword().filterable().facetable(),
  producer_name: search.keyword(),
  producer_handle: search.keyword().filterable(),
  producer_type: search.keyword().filterable().facetable(),
  // `district` is the producer's "area" (its former district: people still say "Quảng Điền");
  // `commune` its current ward/commune (since 1 July 2025, modules/ocop/admin-units.ts).
  district: search.keyword().filterable().facetable(),
  commune: search.keyword().filterable().facetable(),
  province: search.keyword().filterable(),
  price_vnd: search.float().filterable().sortable().facetable({ types: ["range", "stats"] }),
  price_usd: search.float().filterable().sortable().facetable({ types: ["range", "stats"] }),
  created_at: search.date().sortable(),
  certified_until: search.date().filterable(),
  // Index-only, folded text. Weights: ≥3 → Postgres weight A, 2 → B, 1.5 → C, 1 → D;
  // on Meilisearch they order `searchableAttributes`.
  search_title: search.text().searchable({ weight: 3 }).retrievable(false).providerOptions(typo),
  search_keywords: search.text().searchable({ weight: 2 }).retrievable(false),
  search_synonyms: search.text().searchable({ weight: 2 }).retrievable(false),
  search_origin: search.text().searchable({ weight: 1.5 }).retrievable(false),
  search_body: search.text().searchable({ weight: 1 }).retrievable(false),
})

export const productIndexSettings: SearchTypes.SearchIndexSettings = {
  // Vietnamese syllables are short: allow one typo from 4 letters ("xumg"), two from 8.
  // The Postgres provider honours `enabled` and matches typos by trigram similarity instead.
  typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8 },
  provider_options: {
    meilisearch: {
      synonyms: synonymsForMeilisearch(),
      // "sort" first: an explicit sort (price, stars, newest) is a strict order, relevance breaks ties.
      rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
      pagination: { maxTotalHits: 20000 },
      faceting: { maxValuesPerFacet: 200 },
    },
  },
}
