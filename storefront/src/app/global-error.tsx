"use client"

// Last-resort boundary (errors in the locale layout itself). No i18n context here: bilingual text.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem 1.25rem", textAlign: "center", color: "#1f1a24" }}>
        <h1 style={{ color: "#3d1a5c" }}>Đã có lỗi xảy ra · Something went wrong</h1>
        <p>Vui lòng thử lại. · Please try again.</p>
        <button type="button" onClick={() => reset()} style={{ minHeight: 44, padding: "0 1.25rem", borderRadius: 999, border: 0, background: "#5b2a86", color: "#fff", fontWeight: 600 }}>
          Thử lại · Try again
        </button>
      </body>
    </html>
  )
}
