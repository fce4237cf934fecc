/**
 * The OCOP product-group taxonomy, versioned.
 *
 * Decision 148/QĐ-TTg (24/02/2023) fixes six groups; the older 1048/QĐ-TTg (2019)
 * list had separate textiles and souvenirs groups. Certifications store the
 * taxonomy version they were classified under, so a future revision does not
 * silently re-label old decisions. This file is the single source of the codes:
 * validators, search facets, the admin and the storefront all read from here.
 */
export const CURRENT_TAXONOMY_VERSION = "148/QĐ-TTg:2023" as const

export const OCOP_GROUPS = [
  { code: "food", vi: "Thực phẩm", en: "Food" },
  { code: "beverage", vi: "Đồ uống", en: "Beverages" },
  { code: "herbal", vi: "Dược liệu và sản phẩm từ dược liệu", en: "Medicinal herbs & herbal products" },
  { code: "handicraft", vi: "Hàng thủ công mỹ nghệ", en: "Handicrafts" },
  { code: "ornamental", vi: "Sinh vật cảnh", en: "Ornamental plants & animals" },
  { code: "tourism", vi: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", en: "Community & eco-tourism services" },
] as const

export type OcopGroupCode = (typeof OCOP_GROUPS)[number]["code"]
export const OCOP_GROUP_CODES = OCOP_GROUPS.map((g) => g.code) as unknown as readonly [OcopGroupCode, ...OcopGroupCode[]]

export const TAXONOMIES: Record<string, readonly string[]> = {
  [CURRENT_TAXONOMY_VERSION]: OCOP_GROUP_CODES,
}

export const PRODUCER_TYPES = ["cooperative", "enterprise", "cooperative_group", "household"] as const
export type ProducerType = (typeof PRODUCER_TYPES)[number]

export const PRODUCER_STATUSES = ["pending", "approved", "rejected", "suspended"] as const
export type ProducerStatus = (typeof PRODUCER_STATUSES)[number]

export const CERTIFICATION_STATUSES = ["pending_review", "active", "expired", "revoked", "suspended", "rejected"] as const
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number]

export const AUTHORITY_LEVELS = ["district", "province", "central"] as const
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number]
