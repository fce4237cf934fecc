// Requests outside any locale (e.g. /xx/yy with an unknown locale) end here.
//
// Styled by the few rules below rather than by importing globals.css: this
// boundary belongs to the root layout, so with inlined CSS (next.config.ts) the
// whole stylesheet was embedded once more in every page's RSC payload just for it.
const CSS = `
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f1a24; background: #fbfaf7; line-height: 1.6; }
.state { text-align: center; padding: clamp(2.5rem, 2rem + 4vw, 5rem) 1.25rem; max-width: 640px; margin: 0 auto; }
.state-ic { width: 72px; height: 72px; margin: 0 auto 1rem; border-radius: 50%; background: #f8f4fb; color: #5b2a86; display: grid; place-items: center; font-size: 2rem; }
h1 { font-family: Georgia, "Noto Serif", serif; color: #2e1245; font-weight: 600; line-height: 1.2; font-size: clamp(1.8rem, 1.3rem + 2vw, 2.75rem); }
.btn { display: inline-flex; align-items: center; min-height: 44px; padding: 0.6rem 1.25rem; border-radius: 999px; border: 1px solid #5b2a86; font-weight: 600; text-decoration: none; margin: 0.25rem; }
.btn-primary { background: #5b2a86; color: #fff; }
.btn-outline { color: #5b2a86; }
a:focus-visible { outline: 3px solid #c8a24a; outline-offset: 2px; }
`

export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body>
        <style>{CSS}</style>
        <main id="main" className="container">
          <div className="state" data-testid="not-found">
            <div className="state-ic" aria-hidden="true">?</div>
            <h1>Không tìm thấy trang · Page not found</h1>
            <p>
              <a className="btn btn-primary" href="/vi">Về trang chủ</a>{" "}
              <a className="btn btn-outline" href="/en" lang="en">Go to the home page</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  )
}
