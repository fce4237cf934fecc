/**
 * A real browser for the e2e tier: Debian's Chromium driven by playwright-core
 * (no browser download). Screenshots go to test-results/screenshots.
 */
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"

export const SCREENSHOT_DIR = path.resolve(__dirname, "..", "..", "test-results", "screenshots")

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[]
  const found = candidates.find((p) => fs.existsSync(p))
  if (!found) throw new Error("Chromium not found: install Debian's `chromium` (apt-get install -y chromium) or set CHROMIUM_PATH")
  return found
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
}

export const DESKTOP = { viewport: { width: 1280, height: 900 } }
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

export async function newContext(browser: Browser, device: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, locale: "vi-VN" })
  context.setDefaultTimeout(20_000)
  return context
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Collects console errors and failed same-origin requests so a test can assert a clean page. */
export function watchErrors(page: Page) {
  const errors: string[] = []
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`))
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`)
  })
  return errors
}
