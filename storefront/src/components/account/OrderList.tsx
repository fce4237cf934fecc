import type { HttpTypes } from "@medusajs/types"
import { useLocale, useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"
import { formatDate } from "@/lib/util/locale"
import { formatMoney } from "@/lib/util/money"

export function OrderList({ orders }: { orders: HttpTypes.StoreOrder[] }) {
  const t = useTranslations("account")
  const o = useTranslations("order")
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table className="table" data-testid="order-list">
        <thead>
          <tr>
            <th scope="col">{o("number")}</th>
            <th scope="col">{o("date")}</th>
            <th scope="col">{o("status")}</th>
            <th scope="col">{t("orderTotal")}</th>
            <th scope="col"><span className="visually-hidden">{t("viewOrder")}</span></th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} data-testid="order-row">
              <td>#{order.display_id}</td>
              <td>{formatDate(order.created_at as string, locale)}</td>
              <td><span className="badge">{order.status}</span></td>
              <td className="tabular">{formatMoney(order.total, order.currency_code, locale)}</td>
              <td><Link href={`/account/orders/${order.id}`} aria-label={`${t("viewOrder")} #${order.display_id}`}>{t("viewOrder")}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
