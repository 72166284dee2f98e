'use client'

import { useEffect, useState } from 'react'
import { readServerHtml } from './server-html-registry'

const KEEP = { __html: '' }

/**
 * Large, static, server-made markup (the document's tables and notes) that travels once, in the HTML,
 * and not a second time in the RSC payload: the payload carries only `id` and `src`. The server render
 * takes the markup from the registry the Server Component filled; hydration keeps the server's DOM
 * (React does not touch the inside of an element rendered with dangerouslySetInnerHTML when hydrating);
 * after a client-side navigation, where there is no server DOM, the markup is fetched from `src`.
 * Without JavaScript the server's HTML is all there is, and it is complete.
 */
export function ServerHtml({ id, src, className }: { id: string; src: string; className?: string }) {
  const [html, setHtml] = useState<{ __html: string } | null>(() => {
    if (typeof window === 'undefined') {
      const h = readServerHtml(id)
      return h === undefined ? null : { __html: h }
    }
    return document.getElementById(id)?.dataset.html ? KEEP : null
  })
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (html !== null) return
    let live = true
    fetch(src)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((t) => live && setHtml({ __html: t }))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [html, src])
  if (html === null)
    return (
      <div id={id} className={className} aria-busy={!failed}>
        {failed ? (
          <p>
            内容加载失败，请<a href={typeof window === 'undefined' ? '' : window.location.href}>刷新页面</a>。
          </p>
        ) : (
          <p className="muted">正在加载报表与情况说明…</p>
        )}
      </div>
    )
  return <div id={id} className={className} data-html="1" dangerouslySetInnerHTML={html} />
}
