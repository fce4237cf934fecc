/** Inline SVG icons (no icon font, no emoji: they render the same everywhere). Decorative by default. */
const PATHS: Record<string, string> = {
  cart: "M3 4h2l2.4 10.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2M10 20.5a1 1 0 1 1-2 0 1 1 0 0 1 2 0Zm9 0a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z",
  user: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8.5c.8-3.3 3.6-5.5 7-5.5s6.2 2.2 7 5.5",
  food: "M4 11h16a8 8 0 0 1-16 0Zm3-3c0-1.5 1-2 1-3.5M12 8c0-1.5 1-2 1-3.5M17 8c0-1.5-1-2-1-3.5M7 21h10",
  beverage: "M5 8h11v6a5 5 0 0 1-5 5h-1a5 5 0 0 1-5-5V8Zm11 1h1.5a2.5 2.5 0 0 1 0 5H16M4 21h14M9 3c0 1.5 1 1.5 1 3M13 3c0 1.5 1 1.5 1 3",
  herbal: "M5 19c0-8 5-13 14-14-1 9-6 14-14 14Zm0 0 7-7",
  handicraft: "M2 15 12 5l10 10H2Zm5 0v4m10-4v4M8 11h8",
  ornamental: "M12 20v-7m0 0c-3 0-5-2-5-5 3 0 5 2 5 5Zm0 0c3 0 5-2 5-5-3 0-5 2-5 5Zm-5 7h10l-1-3H8l-1 3Z",
  tourism: "M3 17c3 0 3-2 6-2s3 2 6 2 3-2 6-2M5 13l3-8 4 5 3-3 4 6",
  shield: "M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Zm-3 9 2 2 4-4",
  qr: "M4 4h6v6H4V4Zm10 0h6v6h-6V4ZM4 14h6v6H4v-6Zm10 0h2v2h-2v-2Zm4 0h2v2h-2v-2Zm-4 4h2v2h-2v-2Zm4 2h2",
  leaf: "M6 18c0-7 4-12 12-12 0 8-5 12-12 12Zm0 0-2 2",
  star: "M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z",
}

export function Icon({ name, size = 22, label }: { name: keyof typeof PATHS | (string & {}); size?: number; label?: string }) {
  const d = PATHS[name] ?? PATHS.star
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={label ? undefined : true}
      role={label ? "img" : undefined}
      aria-label={label}
      focusable="false"
    >
      <path d={d} />
    </svg>
  )
}
