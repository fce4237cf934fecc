import { useTranslations } from "next-intl"
import { Icon } from "@/components/common/Icon"
import { Link } from "@/i18n/navigation"
import { GROUP_CODES } from "@/lib/util/ocop"

export function GroupTiles({ counts }: { counts?: Record<string, number> }) {
  const t = useTranslations("groups")
  return (
    <ul className="grid-3" role="list" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {GROUP_CODES.map((code) => (
        <li key={code} style={{ display: "flex" }}>
          <Link href={`/products?group=${code}`} prefetch={false} className="group-tile" style={{ flex: 1 }} data-testid="group-tile" data-group={code}>
            <span className="g-ic"><Icon name={code} size={28} /></span>
            <strong>{t(code)}</strong>
            <span>{t(`${code}_desc`)}</span>
            {counts?.[code] ? <span className="badge" style={{ alignSelf: "flex-start" }}>{counts[code]}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  )
}
