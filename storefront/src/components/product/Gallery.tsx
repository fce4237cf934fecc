"use client"

import { useState } from "react"
import { preload } from "react-dom"

/** Product photos: a main image and thumbnail buttons (keyboard operable). */
export function Gallery({ images, title, labels }: { images: string[]; title: string; labels: { gallery: string; thumbnail: string; noImage: string } }) {
  const [index, setIndex] = useState(0)
  // The product page's LCP element: a <link rel="preload"> in the <head> starts the download
  // before the parser reaches the <img> (the HTML streams after the inlined CSS).
  if (images[0]) preload(images[0], { as: "image", fetchPriority: "high" })
  if (!images.length) {
    return (
      <div className="gallery" data-testid="gallery">
        <div className="gallery-main placeholder-art" role="img" aria-label={labels.noImage}>❀</div>
      </div>
    )
  }
  return (
    <section className="gallery" aria-label={labels.gallery} data-testid="gallery">
      <div className="gallery-main">
        {/* the product page's LCP element: fetched first, ahead of the scripts */}
        <img src={images[index]} alt={`${title} (${index + 1}/${images.length})`} width={800} height={800} fetchPriority="high" data-testid="gallery-main" />
      </div>
      {images.length > 1 ? (
        <ul className="gallery-thumbs" role="list">
          {images.map((src, i) => (
            <li key={`${src}-${i}`}>
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-pressed={i === index}
                aria-label={labels.thumbnail.replace("{index}", String(i + 1))}
                data-testid="gallery-thumb"
              >
                <img src={src} alt="" width={80} height={80} loading="lazy" decoding="async" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
