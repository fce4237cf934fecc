// The shop's money format lives with the backend's (one copy for pages and e-mails):
// backend/src/contract/display.ts.
export { formatMoney, isZeroDecimal } from "@hue-ocop/backend/display"
