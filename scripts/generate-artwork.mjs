#!/usr/bin/env node
/**
 * Draws the demo catalogue's artwork from backend/src/scripts/data/catalogue.json:
 *   backend/assets/ocop/<product handle>.svg            800×800, one per product
 *   backend/assets/ocop/producers/<producer handle>.svg 400×400 monogram, one per producer
 *
 * Flat illustrations built from each product's `artwork` (background, accent, motif),
 * its Vietnamese title and its certification stars. Node built-ins only, no fonts or
 * images are fetched: text uses the viewer's system sans-serif.
 *
 *   node scripts/generate-artwork.mjs [catalogue.json] [output dir]
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const CATALOGUE = process.argv[2] || path.join(ROOT, "backend/src/scripts/data/catalogue.json")
const OUT = process.argv[3] || path.join(ROOT, "backend/assets/ocop")
const FONT = "'Be Vietnam Pro', 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', 'Noto Sans', sans-serif"

// ---------------------------------------------------------------- helpers
export function escapeXml(s) {
  return String(s)
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters; they are stripped on purpose
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
}

function parseHex(hex) {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(String(hex || "").trim())
  if (!m) return [128, 128, 128]
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1]
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16))
}
const toHex = (rgb) => "#" + rgb.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, "0")).join("")
const mix = (a, b, t) => toHex(parseHex(a).map((v, i) => v + (parseHex(b)[i] - v) * t))
const lighten = (c, t) => mix(c, "#ffffff", t)
const darken = (c, t) => mix(c, "#000000", t)
const f = (n) => Number(n.toFixed(2))

function starPoints(cx, cy, r, inner = 0.45) {
  const pts = []
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 ? r * inner : r
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    pts.push(`${f(cx + rad * Math.cos(a))},${f(cy + rad * Math.sin(a))}`)
  }
  return pts.join(" ")
}

/** Rough width of a string in em for a sans-serif face (good enough to wrap titles). */
function textWidthEm(s) {
  let w = 0
  for (const ch of s.normalize("NFC")) {
    // widths of a bold sans (DejaVu Sans Bold is the widest common fallback)
    if (ch === " ") w += 0.35
    else if (/[iljI.,'’:;!|]/.test(ch)) w += 0.36
    else if (/[tfr]/.test(ch)) w += 0.46
    else if (/[mwMW]/.test(ch)) w += 1.0
    else if (/\p{Lu}/u.test(ch)) w += 0.77
    else w += 0.66
  }
  return w
}

function wrapTitle(title, maxWidthPx) {
  for (const size of [56, 50, 46]) {
    if (textWidthEm(title) * size <= maxWidthPx) return { size, lines: [title] }
  }
  const words = title.split(/\s+/)
  let best = null
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")]
    const widest = Math.max(...lines.map(textWidthEm))
    if (!best || widest < best.widest) best = { lines, widest }
  }
  if (!best) best = { lines: [title], widest: textWidthEm(title) }
  const size = Math.max(30, Math.min(48, Math.floor(maxWidthPx / best.widest)))
  return { size, lines: best.lines }
}

// ---------------------------------------------------------------- motifs
// Each motif draws inside roughly x 170–630, y 110–560 and gets a palette.
const motifs = {
  rice({ A, Ad, Al, Al2, W }) {
    const grains = []
    const spots = [[300, 300], [340, 270], [385, 255], [430, 262], [470, 280], [505, 305], [320, 320], [365, 300], [410, 292], [455, 305], [360, 330], [415, 325], [470, 330], [280, 330], [520, 330]]
    spots.forEach(([x, y], i) => grains.push(`<ellipse cx="${x}" cy="${y}" rx="11" ry="5" transform="rotate(${(i * 37) % 180 - 90} ${x} ${y})" fill="${Al2}" stroke="${lighten(Ad, 0.55)}" stroke-width="1.5"/>`))
    const stalk = []
    for (let i = 0; i < 7; i++) {
      const y = 170 + i * 34, x = 612 - i * 6
      stalk.push(`<ellipse cx="${x - 22}" cy="${y + 8}" rx="16" ry="8" transform="rotate(-35 ${x - 22} ${y + 8})" fill="#D9A93A"/>`)
      stalk.push(`<ellipse cx="${x + 18}" cy="${y + 16}" rx="16" ry="8" transform="rotate(35 ${x + 18} ${y + 16})" fill="#E2B64B"/>`)
    }
    return `
  <path d="M612 150 C 600 280 585 380 560 470" fill="none" stroke="#B98A2A" stroke-width="6" stroke-linecap="round"/>
  ${stalk.join("\n  ")}
  <path d="M228 340 Q 400 150 572 340 Z" fill="${W}"/>
  ${grains.join("\n  ")}
  <path d="M210 340 H 590 Q 585 470 470 515 H 330 Q 215 470 210 340 Z" fill="${A}"/>
  <path d="M250 380 H 550" stroke="${Al}" stroke-width="8" stroke-linecap="round" opacity="0.7"/>
  <rect x="340" y="512" width="120" height="22" rx="8" fill="${Ad}"/>
  <path d="M236 178 L 468 318" stroke="${Ad}" stroke-width="10" stroke-linecap="round"/>
  <path d="M214 204 L 452 330" stroke="${darken(Ad, 0.2)}" stroke-width="10" stroke-linecap="round"/>`
  },

  bottle({ A, Ad, Al, Al2, W }) {
    return `
  <rect x="370" y="118" width="60" height="36" rx="8" fill="${Ad}"/>
  <path d="M380 152 H 420 V 220 Q 420 240 440 256 Q 478 284 478 330 V 515 Q 478 540 452 540 H 348 Q 322 540 322 515 V 330 Q 322 284 360 256 Q 380 240 380 220 Z" fill="${lighten(A, 0.82)}" stroke="${Ad}" stroke-width="6" stroke-linejoin="round"/>
  <path d="M328 345 H 472 V 512 Q 472 534 450 534 H 350 Q 328 534 328 512 Z" fill="${A}" opacity="0.9"/>
  <rect x="340" y="385" width="120" height="105" rx="12" fill="${W}"/>
  <path d="M368 438 Q 395 410 425 438 Q 395 466 368 438 Z M425 438 L 444 424 V 452 Z" fill="${Ad}"/>
  <circle cx="382" cy="435" r="3" fill="${W}"/>
  <path d="M350 300 Q 348 420 352 500" stroke="${W}" stroke-width="9" stroke-linecap="round" opacity="0.55" fill="none"/>
`
  },

  leaf({ A, Ad, Al }) {
    const leaf = (tx, ty, rot, s, fill) => `
  <g transform="translate(${tx} ${ty}) rotate(${rot}) scale(${s})">
    <path d="M0 0 C -120 -70 -120 -260 0 -330 C 120 -260 120 -70 0 0 Z" fill="${fill}"/>
    <path d="M0 -10 V -310" stroke="${Ad}" stroke-width="6" stroke-linecap="round"/>
    ${[-80, -140, -200, -255].map((y) => `<path d="M0 ${y} L -55 ${y - 45} M0 ${y} L 55 ${y - 45}" stroke="${Ad}" stroke-width="4" stroke-linecap="round" opacity="0.8"/>`).join("\n    ")}
  </g>`
    return `
  <path d="M400 545 C 400 480 390 440 380 420" stroke="${Ad}" stroke-width="8" fill="none" stroke-linecap="round"/>
  ${leaf(390, 470, -38, 0.9, Al)}
  ${leaf(410, 480, 30, 0.85, A)}
  ${leaf(400, 500, -4, 1.05, lighten(A, 0.18))}`
  },

  hat({ A, Ad, Al, Al2 }) {
    const rings = [0.3, 0.45, 0.6, 0.75, 0.9]
      .map((t) => {
        const y = 150 + 290 * t, half = 230 * t
        return `<path d="M${f(400 - half)} ${f(y)} Q 400 ${f(y + 34 * t)} ${f(400 + half)} ${f(y)}" fill="none" stroke="${Ad}" stroke-width="3" opacity="0.55"/>`
      })
      .join("\n  ")
    return `
  <ellipse cx="400" cy="486" rx="250" ry="34" fill="${Ad}" opacity="0.15"/>
  <path d="M400 148 L 632 442 Q 400 500 168 442 Z" fill="${Al2}"/>
  <path d="M400 148 L 632 442 Q 520 472 400 476 Z" fill="${Al}"/>
  ${rings}
  <path d="M168 442 Q 400 500 632 442" fill="none" stroke="${A}" stroke-width="9" stroke-linecap="round"/>
  <path d="M300 468 Q 400 560 500 468" fill="none" stroke="${A}" stroke-width="7" stroke-linecap="round"/>
  <circle cx="400" cy="150" r="7" fill="${Ad}"/>`
  },

  basket({ A, Ad, Al, Al2 }) {
    const ribs = []
    for (let i = 0; i <= 10; i++) {
      const x1 = 215 + i * 37, x2 = 265 + i * 27
      ribs.push(`<path d="M${x1} 300 L ${x2} 528" stroke="${Ad}" stroke-width="4" opacity="0.55"/>`)
    }
    const bands = []
    for (let j = 0; j < 7; j++) {
      const y = 322 + j * 30, t = (y - 300) / 228
      const l = 215 + 50 * t, r = 585 - 50 * t
      bands.push(`<path d="M${f(l)} ${y} Q 400 ${y + 14} ${f(r)} ${y}" stroke="${j % 2 ? Al : Al2}" stroke-width="16" fill="none" stroke-linecap="round"/>`)
    }
    return `
  <ellipse cx="400" cy="540" rx="200" ry="24" fill="${Ad}" opacity="0.15"/>
  <path d="M275 300 C 270 140 530 140 525 300" fill="none" stroke="${Ad}" stroke-width="22" stroke-linecap="round"/>
  <path d="M275 300 C 270 140 530 140 525 300" fill="none" stroke="${A}" stroke-width="12" stroke-linecap="round"/>
  <path d="M205 300 H 595 L 545 530 Q 400 548 255 530 Z" fill="${A}"/>
  ${bands.join("\n  ")}
  ${ribs.join("\n  ")}
  <rect x="195" y="284" width="410" height="30" rx="15" fill="${Ad}"/>`
  },

  lamp({ A, Ad, Al, Al2 }) {
    const meridians = [0.25, 0.55, 0.85]
      .map((t) => `<ellipse cx="400" cy="365" rx="${f(170 * t)}" ry="170" fill="none" stroke="${Ad}" stroke-width="4" opacity="0.7"/>`)
      .join("\n  ")
    const parallels = [-120, -70, -20, 30, 80, 130]
      .map((dy) => {
        const half = Math.sqrt(170 * 170 - dy * dy)
        return `<path d="M${f(400 - half)} ${365 + dy} Q 400 ${365 + dy + 22} ${f(400 + half)} ${365 + dy}" fill="none" stroke="${Ad}" stroke-width="4" opacity="0.7"/>`
      })
      .join("\n  ")
    return `
  <circle cx="400" cy="380" r="245" fill="#FFE9A8" opacity="0.45"/>
  <circle cx="400" cy="390" r="190" fill="#FFF4CC" opacity="0.6"/>
  <path d="M400 70 V 200" stroke="${darken(Ad, 0.3)}" stroke-width="5"/>
  <rect x="376" y="186" width="48" height="26" rx="6" fill="${darken(Ad, 0.3)}"/>
  <circle cx="400" cy="365" r="170" fill="${Al}"/>
  <circle cx="400" cy="395" r="70" fill="#FFF6D6" opacity="0.9"/>
  ${meridians}
  ${parallels}
  <circle cx="400" cy="365" r="170" fill="none" stroke="${A}" stroke-width="8"/>`
  },

  tea({ A, Ad, Al, Al2, W }) {
    return `
  <path d="M340 210 C 310 180 370 150 340 115 M400 205 C 370 170 430 140 400 100 M460 210 C 430 180 490 150 460 115" fill="none" stroke="${Ad}" stroke-width="7" stroke-linecap="round" opacity="0.45"/>
  <ellipse cx="400" cy="505" rx="235" ry="42" fill="${Ad}"/>
  <ellipse cx="400" cy="495" rx="235" ry="42" fill="${Al}"/>
  <path d="M540 320 C 640 320 640 440 530 440" fill="none" stroke="${A}" stroke-width="22"/>
  <path d="M230 260 H 570 V 300 Q 570 480 400 490 Q 230 480 230 300 Z" fill="${A}"/>
  <ellipse cx="400" cy="262" rx="170" ry="30" fill="${Ad}"/>
  <ellipse cx="400" cy="266" rx="156" ry="22" fill="${lighten(A, 0.55)}"/>
  <path d="M270 320 Q 275 420 330 460" fill="none" stroke="${W}" stroke-width="10" stroke-linecap="round" opacity="0.35"/>
  <g transform="translate(215 520) rotate(-30)">
    <path d="M0 0 C 30 -50 100 -50 130 0 C 100 50 30 50 0 0 Z" fill="${lighten(A, 0.3)}"/>
    <path d="M0 0 H 125" stroke="${Ad}" stroke-width="3"/>
  </g>`
  },

  jar({ A, Ad, Al, Al2, W }) {
    return `
  <ellipse cx="400" cy="540" rx="170" ry="20" fill="${Ad}" opacity="0.18"/>
  <rect x="330" y="175" width="140" height="46" rx="14" fill="${Ad}"/>
  <circle cx="400" cy="166" r="18" fill="${Ad}"/>
  <path d="M340 220 H 460 Q 470 250 500 265 Q 570 300 570 400 Q 570 520 470 535 H 330 Q 230 520 230 400 Q 230 300 300 265 Q 330 250 340 220 Z" fill="${A}"/>
  <path d="M250 330 Q 400 360 550 330" fill="none" stroke="${Al}" stroke-width="10"/>
  <path d="M250 470 Q 400 500 550 470" fill="none" stroke="${Al}" stroke-width="10"/>
  <rect x="310" y="375" width="180" height="72" rx="14" fill="${W}"/>
  <path d="M340 411 H 460" stroke="${Al}" stroke-width="8" stroke-linecap="round"/>
  <path d="M270 300 Q 250 380 270 460" fill="none" stroke="${W}" stroke-width="10" stroke-linecap="round" opacity="0.35"/>`
  },

  flower({ A, Ad, Al, Al2 }) {
    const bloom = (cx, cy, r) => {
      const petals = [0, 72, 144, 216, 288]
        .map((a) => `<ellipse cx="${cx}" cy="${f(cy - r * 0.55)}" rx="${f(r * 0.42)}" ry="${f(r * 0.55)}" transform="rotate(${a} ${cx} ${cy})" fill="${A}"/>`)
        .join("")
      const stamens = [0, 60, 120, 180, 240, 300]
        .map((a) => {
          const x = cx + r * 0.3 * Math.cos((a * Math.PI) / 180), y = cy + r * 0.3 * Math.sin((a * Math.PI) / 180)
          return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r * 0.05)}" fill="#B5651D"/>`
        })
        .join("")
      return `<g>${petals}<circle cx="${cx}" cy="${cy}" r="${f(r * 0.2)}" fill="${Ad}"/>${stamens}</g>`
    }
    return `
  <path d="M310 480 H 490 L 470 545 H 330 Z" fill="#8A5A3B"/>
  <rect x="296" y="466" width="208" height="22" rx="8" fill="#6E4429"/>
  <path d="M400 470 C 380 400 430 360 380 300 C 350 260 300 250 250 200 M392 360 C 450 330 500 300 560 230 M385 300 C 400 240 440 200 470 150" fill="none" stroke="#6B4A2F" stroke-width="14" stroke-linecap="round"/>
  <ellipse cx="300" cy="300" rx="26" ry="11" transform="rotate(-30 300 300)" fill="#6E9A3B"/>
  <ellipse cx="520" cy="290" rx="26" ry="11" transform="rotate(25 520 290)" fill="#6E9A3B"/>
  ${bloom(250, 200, 62)}
  ${bloom(560, 228, 58)}
  ${bloom(470, 150, 50)}
  ${bloom(345, 290, 46)}
  ${bloom(455, 330, 44)}
  <circle cx="305" cy="240" r="12" fill="${Al}"/>
  <circle cx="520" cy="180" r="10" fill="${Al}"/>`
  },

  boat({ A, Ad, Al, Al2, W }) {
    return `
  <circle cx="560" cy="190" r="60" fill="${Al2}"/>
  <path d="M170 330 Q 290 230 400 300 Q 500 220 630 330 Z" fill="${Al}" opacity="0.6"/>
  <path d="M250 420 Q 400 370 560 410" fill="none" stroke="${Ad}" stroke-width="6"/>
  <path d="M300 415 Q 305 330 400 330 Q 495 330 500 412 Z" fill="${Al}" stroke="${Ad}" stroke-width="5"/>
  ${[330, 360, 390, 420, 450, 480].map((x) => `<path d="M${x} ${x < 400 ? 345 : 345} V 412" stroke="${Ad}" stroke-width="3" opacity="0.5"/>`).join("\n  ")}
  <path d="M180 410 Q 400 455 620 400 Q 590 480 400 482 Q 220 480 180 410 Z" fill="${A}"/>
  <path d="M200 420 Q 400 460 605 412" fill="none" stroke="${Ad}" stroke-width="6"/>
  <path d="M565 390 L 590 300 L 615 390 Z" fill="${Al2}"/>
  <path d="M590 345 L 520 470" stroke="${Ad}" stroke-width="6" stroke-linecap="round"/>
  <path d="M170 520 Q 210 505 250 520 T 330 520 T 410 520 T 490 520 T 570 520 T 650 520" fill="none" stroke="${A}" stroke-width="6" opacity="0.5"/>
  <path d="M210 550 Q 250 535 290 550 T 370 550 T 450 550 T 530 550 T 610 550" fill="none" stroke="${A}" stroke-width="6" opacity="0.35"/>`
  },

  sesame({ A, Ad, Al, Al2, W }) {
    const seeds = []
    let k = 7
    const rnd = () => ((k = (k * 9301 + 49297) % 233280) / 233280)
    const bar = (x, y, w, h, fill) => {
      const s = []
      for (let i = 0; i < 22; i++) {
        const sx = x + 14 + rnd() * (w - 28), sy = y + 10 + rnd() * (h - 20)
        s.push(`<ellipse cx="${f(sx)}" cy="${f(sy)}" rx="6" ry="3.2" transform="rotate(${f(rnd() * 180)} ${f(sx)} ${f(sy)})" fill="#FFF6DC"/>`)
      }
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14" fill="${fill}"/>${s.join("")}`
    }
    for (let i = 0; i < 14; i++) {
      const sx = 200 + rnd() * 400, sy = 500 + rnd() * 50
      seeds.push(`<ellipse cx="${f(sx)}" cy="${f(sy)}" rx="6" ry="3.2" transform="rotate(${f(rnd() * 180)} ${f(sx)} ${f(sy)})" fill="${Al}"/>`)
    }
    return `
  <ellipse cx="400" cy="500" rx="220" ry="26" fill="${Ad}" opacity="0.15"/>
  <g transform="rotate(-8 400 330)">
    ${bar(230, 400, 340, 80, Ad)}
    ${bar(240, 305, 330, 80, A)}
    ${bar(250, 210, 320, 80, lighten(A, 0.15))}
  </g>
  ${seeds.join("\n  ")}`
  },

  shrimp({ A, Ad, Al, Al2 }) {
    // A curled shrimp seen from the side: a tapering band along an arc, head on the left.
    const cx = 420, cy = 340, R = 135, a0 = -150, a1 = 78, N = 36
    const pt = (aDeg, r) => [cx + r * Math.cos((aDeg * Math.PI) / 180), cy + r * Math.sin((aDeg * Math.PI) / 180)]
    const width = (t) => 118 - 74 * t
    const outer = [], inner = []
    for (let i = 0; i <= N; i++) {
      const t = i / N, a = a0 + (a1 - a0) * t
      outer.push(pt(a, R + width(t) / 2))
      inner.push(pt(a, R - width(t) / 2))
    }
    const body = "M" + [...outer, ...inner.reverse()].map(([x, y]) => `${f(x)} ${f(y)}`).join(" L ") + " Z"
    const segs = [0.16, 0.3, 0.44, 0.58, 0.72, 0.86]
      .map((t) => {
        const a = a0 + (a1 - a0) * t
        const [x1, y1] = pt(a, R - width(t) / 2 + 4), [x2, y2] = pt(a - 6, R + width(t) / 2 - 2)
        return `<path d="M${f(x1)} ${f(y1)} Q ${f((x1 + x2) / 2 + 6)} ${f((y1 + y2) / 2)} ${f(x2)} ${f(y2)}" fill="none" stroke="${Ad}" stroke-width="5" stroke-linecap="round"/>`
      })
      .join("\n  ")
    const legs = [0.08, 0.16, 0.24, 0.32, 0.4]
      .map((t) => {
        const a = a0 + (a1 - a0) * t
        const [x, y] = pt(a, R - width(t) / 2 + 6)
        return `<path d="M${f(x)} ${f(y)} q 4 30 -14 52" fill="none" stroke="${Ad}" stroke-width="6" stroke-linecap="round"/>`
      })
      .join("\n  ")
    const [tx, ty] = pt(a1, R)
    const back = []
    for (let i = 2; i <= N - 4; i++) {
      const t = i / N
      back.push(pt(a0 + (a1 - a0) * t, R + width(t) / 2 - 14))
    }
    const [hx, hy] = pt(a0, R)
    return `
  <ellipse cx="400" cy="548" rx="210" ry="20" fill="${Ad}" opacity="0.15"/>
  <path d="M${f(hx - 70)} ${f(hy + 4)} C ${f(hx - 60)} 120 380 95 560 112" fill="none" stroke="${Ad}" stroke-width="5" stroke-linecap="round"/>
  <path d="M${f(hx - 62)} ${f(hy - 6)} C ${f(hx - 20)} 150 420 140 630 175" fill="none" stroke="${Ad}" stroke-width="4" stroke-linecap="round"/>
  ${legs}
  <g transform="translate(${f(tx)} ${f(ty)}) rotate(${a1 + 90 + 12})">
    <path d="M0 -6 L 78 -46 Q 92 -20 84 0 Z" fill="${Ad}"/>
    <path d="M0 6 L 78 46 Q 92 20 84 0 Z" fill="${darken(Ad, 0.15)}"/>
    <path d="M0 0 L 96 0" stroke="${Al}" stroke-width="4"/>
  </g>
  <path d="${body}" fill="${A}" stroke="${Ad}" stroke-width="5" stroke-linejoin="round"/>
  <path d="M${back.map(([x, y]) => `${f(x)} ${f(y)}`).join(" L ")}" fill="none" stroke="${Al}" stroke-width="8" stroke-linecap="round" opacity="0.6"/>
  ${segs}
  <path d="M${f(hx - 40)} ${f(hy - 4)} L ${f(hx - 150)} ${f(hy - 42)} L ${f(hx - 46)} ${f(hy + 18)} Z" fill="${Ad}"/>
  <ellipse cx="${f(hx - 10)}" cy="${f(hy + 10)}" rx="70" ry="58" transform="rotate(-20 ${f(hx - 10)} ${f(hy + 10)})" fill="${lighten(A, 0.08)}" stroke="${Ad}" stroke-width="5"/>
  <path d="M${f(hx + 30)} ${f(hy - 30)} Q ${f(hx + 10)} ${f(hy + 20)} ${f(hx + 40)} ${f(hy + 55)}" fill="none" stroke="${Ad}" stroke-width="4" opacity="0.7"/>
  <circle cx="${f(hx - 42)}" cy="${f(hy - 2)}" r="12" fill="#222"/>
  <circle cx="${f(hx - 46)}" cy="${f(hy - 6)}" r="4" fill="#fff"/>`
  },

  lotus({ A, Ad, Al, Al2 }) {
    const petal = (rot, s, fill) =>
      `<path d="M0 0 C -52 -60 -46 -150 0 -200 C 46 -150 52 -60 0 0 Z" transform="translate(400 470) rotate(${rot}) scale(${s})" fill="${fill}" stroke="${Ad}" stroke-width="3"/>`
    return `
  <ellipse cx="400" cy="510" rx="240" ry="46" fill="#5E8C4A"/>
  <path d="M400 510 L 610 500" stroke="#4A7338" stroke-width="4"/>
  <path d="M400 510 L 230 535 M400 510 L 300 475 M400 510 L 520 540" stroke="#4A7338" stroke-width="4"/>
  ${petal(-72, 0.95, Al2)}
  ${petal(72, 0.95, Al2)}
  ${petal(-46, 1.05, Al)}
  ${petal(46, 1.05, Al)}
  ${petal(-20, 1.15, lighten(A, 0.25))}
  ${petal(20, 1.15, lighten(A, 0.25))}
  ${petal(0, 1.25, A)}
  <ellipse cx="400" cy="468" rx="46" ry="14" fill="#E8C547"/>`
  },

  oil({ A, Ad, Al, Al2, W }) {
    const leaves = [-50, -25, 0, 25, 50]
      .map((r) => `<path d="M0 0 C -10 -50 -8 -120 0 -150 C 8 -120 10 -50 0 0 Z" transform="translate(560 520) rotate(${r})" fill="${r % 50 ? Al : A}"/>`)
      .join("\n  ")
    return `
  <ellipse cx="420" cy="545" rx="220" ry="20" fill="${Ad}" opacity="0.15"/>
  ${leaves}
  <ellipse cx="330" cy="150" rx="34" ry="40" fill="${darken(Ad, 0.2)}"/>
  <rect x="300" y="178" width="60" height="50" rx="6" fill="${darken(Ad, 0.35)}"/>
  <path d="M300 228 H 360 V 250 Q 420 270 420 320 V 510 Q 420 540 390 540 H 270 Q 240 540 240 510 V 320 Q 240 270 300 250 Z" fill="${A}"/>
  <rect x="262" y="350" width="136" height="120" rx="12" fill="${W}"/>
  <path d="M330 375 C 310 405 310 430 330 442 C 350 430 350 405 330 375 Z" fill="${A}"/>
  <path d="M262 300 Q 252 400 262 500" fill="none" stroke="${W}" stroke-width="8" opacity="0.35"/>
  <path d="M480 190 C 450 240 440 270 480 295 C 520 270 510 240 480 190 Z" fill="${Al}" stroke="${A}" stroke-width="4"/>
  <circle cx="470" cy="262" r="8" fill="${W}" opacity="0.8"/>`
  },

  pepper({ A, Ad, Al }) {
    const chilli = (tx, ty, rot, s) => `
  <g transform="translate(${tx} ${ty}) rotate(${rot}) scale(${s})">
    <path d="M0 0 C 40 -10 90 20 110 90 C 130 170 120 260 60 320 C 90 240 70 150 20 90 C -10 55 -25 25 0 0 Z" fill="${A}"/>
    <path d="M30 40 C 60 60 80 110 82 170" fill="none" stroke="#ffffff" stroke-width="8" stroke-linecap="round" opacity="0.35"/>
    <path d="M-5 5 C -20 -5 -30 -20 -20 -35 C 0 -30 20 -20 25 -5 Z" fill="#4E8A2E"/>
    <path d="M-8 -25 C -20 -60 0 -90 30 -100" fill="none" stroke="#3E6F22" stroke-width="9" stroke-linecap="round"/>
  </g>`
    return `
  <ellipse cx="400" cy="545" rx="200" ry="20" fill="${Ad}" opacity="0.15"/>
  ${chilli(250, 190, -20, 1.0)}
  ${chilli(410, 170, 10, 1.1)}
  <circle cx="560" cy="470" r="26" fill="${Al}"/>
  <circle cx="600" cy="500" r="18" fill="${Al}"/>`
  },

  incense({ A, Ad, Al, Al2 }) {
    const sticks = []
    for (let i = 0; i < 9; i++) {
      const a = -24 + i * 6
      sticks.push(`<g transform="rotate(${a} 400 470)"><path d="M400 470 V 170" stroke="${Al}" stroke-width="8" stroke-linecap="round"/><path d="M400 470 V 360" stroke="#C62828" stroke-width="8"/><circle cx="400" cy="168" r="5" fill="#FF8A3D"/></g>`)
    }
    return `
  <path d="M280 160 C 250 120 310 100 280 60 M400 150 C 370 110 430 90 400 50 M520 160 C 490 120 550 100 520 60" fill="none" stroke="${Ad}" stroke-width="5" stroke-linecap="round" opacity="0.35"/>
  ${sticks.join("\n  ")}
  <path d="M290 440 H 510 Q 505 540 400 545 Q 295 540 290 440 Z" fill="${A}"/>
  <ellipse cx="400" cy="440" rx="110" ry="22" fill="${Ad}"/>
  <ellipse cx="400" cy="440" rx="96" ry="15" fill="${Al2}"/>
  <path d="M320 480 Q 400 500 480 480" fill="none" stroke="${Al}" stroke-width="6"/>`
  },

  tree({ A, Ad, Al, Al2 }) {
    const fruits = [[320, 330], [470, 300], [400, 395], [530, 380], [275, 410]]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="30" fill="#DCE27A" stroke="#A6B23A" stroke-width="4"/><path d="M${x} ${y - 30} l 6 -10" stroke="#5B4636" stroke-width="4"/>`)
      .join("\n  ")
    return `
  <ellipse cx="400" cy="548" rx="210" ry="20" fill="${Ad}" opacity="0.18"/>
  <path d="M385 545 L 390 420 Q 360 380 330 360 M392 440 L 410 380 Q 440 350 470 340 M415 545 L 410 420" stroke="#6B4A2F" stroke-width="24" stroke-linecap="round" fill="none"/>
  <circle cx="300" cy="300" r="110" fill="${A}"/>
  <circle cx="500" cy="290" r="115" fill="${A}"/>
  <circle cx="400" cy="220" r="125" fill="${lighten(A, 0.12)}"/>
  <circle cx="410" cy="340" r="105" fill="${darken(A, 0.08)}"/>
  <circle cx="360" cy="180" r="40" fill="${Al}" opacity="0.5"/>
  ${fruits}`
  },

  house({ A, Ad, Al, Al2, W }) {
    return `
  <ellipse cx="400" cy="548" rx="260" ry="20" fill="${Ad}" opacity="0.18"/>
  <rect x="215" y="520" width="370" height="24" rx="4" fill="${Ad}"/>
  <rect x="240" y="340" width="320" height="182" fill="${Al2}"/>
  ${[260, 330, 400, 470, 540].map((x) => `<rect x="${x - 8}" y="340" width="16" height="182" fill="${Ad}"/>`).join("\n  ")}
  <rect x="352" y="400" width="96" height="122" rx="4" fill="${Ad}" opacity="0.85"/>
  <path d="M400 400 V 522" stroke="${Al2}" stroke-width="4"/>
  <path d="M170 345 Q 200 335 225 300 L 300 200 H 500 L 575 300 Q 600 335 630 345 Z" fill="${A}"/>
  <path d="M300 200 H 500" stroke="${Ad}" stroke-width="14" stroke-linecap="round"/>
  <path d="M286 196 Q 280 176 265 172 M514 196 Q 520 176 535 172" stroke="${Ad}" stroke-width="8" fill="none" stroke-linecap="round"/>
  ${[230, 260, 290, 320].map((y) => `<path d="M${f(300 - (y - 200) * 0.97)} ${y} H ${f(500 + (y - 200) * 0.97)}" stroke="${Ad}" stroke-width="3" opacity="0.45"/>`).join("\n  ")}
  <circle cx="640" cy="440" r="55" fill="${lighten(A, 0.3)}"/>
  <rect x="633" y="470" width="14" height="75" fill="#6B4A2F"/>`
  },
}

// ---------------------------------------------------------------- product art
export function productSvg(p) {
  const art = p.artwork ?? {}
  const bg = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(art.background ?? "") ? art.background : "#F3EEE3"
  const A = art.accent || "#8B5E2B"
  const palette = { A, Ad: darken(A, 0.28), Al: lighten(A, 0.45), Al2: lighten(A, 0.75), W: "#FFFDF7" }
  const motif = motifs[art.motif] ?? motifs.jar
  const stars = Math.max(0, Math.min(5, Number(p.certification?.stars) || 0))
  const ink = darken(A, 0.6)
  const { size, lines } = wrapTitle(p.title_vi, 690)
  const lineGap = Math.round(size * 1.15)
  const titleY = lines.length === 1 ? 728 : 704
  const title = lines
    .map((l, i) => `<text x="400" y="${titleY + i * lineGap}" text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="700" fill="${ink}">${escapeXml(l)}</text>`)
    .join("\n  ")
  const starRow = Array.from({ length: 5 }, (_, i) => {
    const cx = 616 + i * 30
    return `<polygon points="${starPoints(cx, 103, 12)}" fill="${i < stars ? "#FFD54A" : "#FFFFFF"}" opacity="${i < stars ? 1 : 0.3}"/>`
  }).join("")
  const label = escapeXml(`${stars} sao OCOP`)
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img" aria-label="${escapeXml(p.title_vi)}">
  <title>${escapeXml(p.title_vi)} — ${escapeXml(p.title_en)}</title>
  <rect width="800" height="800" fill="${bg}"/>
  <circle cx="400" cy="345" r="265" fill="${palette.Al2}" opacity="0.55"/>
  <circle cx="90" cy="110" r="38" fill="${palette.Al}" opacity="0.25"/>
  <circle cx="730" cy="560" r="22" fill="${palette.Al}" opacity="0.3"/>
  <g>${motif(palette)}
  </g>
  <rect x="0" y="612" width="800" height="188" fill="#FFFFFF" opacity="0.78"/>
  <rect x="0" y="612" width="800" height="6" fill="${A}"/>
  <text x="400" y="${lines.length === 1 ? 660 : 648}" text-anchor="middle" font-family="${FONT}" font-size="19" font-weight="600" letter-spacing="4" fill="${A}">OCOP · THỪA THIÊN HUẾ</text>
  ${title}
  <g aria-label="${label}">
    <rect x="590" y="36" width="172" height="92" rx="22" fill="${palette.Ad}"/>
    <text x="676" y="74" text-anchor="middle" font-family="${FONT}" font-size="24" font-weight="800" letter-spacing="3" fill="#FFFFFF">OCOP</text>
    ${starRow}
  </g>
</svg>
`
}

// ---------------------------------------------------------------- producer logos
const TYPE_LABEL = { cooperative: "HỢP TÁC XÃ", enterprise: "DOANH NGHIỆP", cooperative_group: "TỔ HỢP TÁC", household: "HỘ KINH DOANH" }
const LOGO_COLOURS = ["#8C1C13", "#2F6B34", "#1F5A7A", "#9A6A36", "#6B4E8C", "#B5651D", "#2E7D5B", "#7A4A2A", "#C2185B", "#4F6F2F"]

export function monogram(legalName) {
  const name = legalName
    .normalize("NFC")
    .replace(/\(.*?\)/g, " ")
    .replace(/^\s*(HTX|Hợp tác xã|Công ty\s+(TNHH|CP|Cổ phần)(\s+MTV)?|Tổ hợp tác|Cơ sở|Hộ kinh doanh|Doanh nghiệp tư nhân)\s+/i, "")
  const caps = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))
  const picked = caps.length > 2 ? caps.slice(1, 3) : caps.slice(0, 2)
  return picked.map((w) => [...w][0]).join("") || [...name.trim()][0]?.toUpperCase() || "?"
}

export function producerSvg(p) {
  let h = 0
  for (const ch of p.handle) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  const C = LOGO_COLOURS[h % LOGO_COLOURS.length]
  const initials = monogram(p.legal_name)
  const size = initials.length > 2 ? 96 : 116
  const place = (p.commune || p.district || "").normalize("NFC").toLocaleUpperCase("vi")
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(p.legal_name)}">
  <title>${escapeXml(p.legal_name)}</title>
  <rect width="400" height="400" fill="${lighten(C, 0.88)}"/>
  <circle cx="200" cy="188" r="150" fill="${C}"/>
  <circle cx="200" cy="188" r="134" fill="none" stroke="${lighten(C, 0.6)}" stroke-width="3"/>
  <path d="M140 246 H 260" stroke="${lighten(C, 0.6)}" stroke-width="3" stroke-linecap="round"/>
  <text x="200" y="274" text-anchor="middle" font-family="${FONT}" font-size="${place.length > 12 ? 15 : 17}" font-weight="600" letter-spacing="2" fill="${lighten(C, 0.75)}">${escapeXml(place)}</text>
  <polygon points="${starPoints(200, 100, 14)}" fill="#FFD54A"/>
  <text x="200" y="${178 + size * 0.36}" text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="800" fill="#FFFFFF">${escapeXml(initials)}</text>
  <text x="200" y="370" text-anchor="middle" font-family="${FONT}" font-size="20" font-weight="700" letter-spacing="4" fill="${darken(C, 0.2)}">${escapeXml(TYPE_LABEL[p.type] ?? "")}</text>
</svg>
`
}

// ---------------------------------------------------------------- main
function main() {
  const catalogue = JSON.parse(fs.readFileSync(CATALOGUE, "utf8"))
  fs.mkdirSync(path.join(OUT, "producers"), { recursive: true })
  for (const p of catalogue.products) fs.writeFileSync(path.join(OUT, `${p.handle}.svg`), productSvg(p), "utf8")
  for (const p of catalogue.producers) fs.writeFileSync(path.join(OUT, "producers", `${p.handle}.svg`), producerSvg(p), "utf8")
  console.log(`Wrote ${catalogue.products.length} product and ${catalogue.producers.length} producer SVGs to ${path.relative(ROOT, OUT) || OUT}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
