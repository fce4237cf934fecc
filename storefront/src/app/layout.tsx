import type { ReactNode } from "react"

// The real root layout (with <html lang>) is app/[locale]/layout.tsx; this one
// only exists so app-level files (not-found, metadata routes) have a parent.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children
}
