import "@/styles/globals.css"

// Requests outside any locale (e.g. /xx/yy with an unknown locale) end here.
export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body>
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
