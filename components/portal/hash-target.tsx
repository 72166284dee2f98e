'use client'

import { useEffect } from 'react'

/**
 * Marks the element the URL's #anchor names (a search hit's table row or paragraph), also after a
 * client-side navigation, where CSS :target does not apply, and when the element arrives later (the
 * document's tables are loaded after the page). Scrolls it into view once it is there.
 */
export function HashTarget() {
  useEffect(() => {
    let observer: MutationObserver | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    const mark = () => {
      observer?.disconnect()
      if (timer) clearTimeout(timer)
      for (const el of document.querySelectorAll('.hash-target')) el.classList.remove('hash-target')
      const id = decodeURIComponent(window.location.hash.slice(1))
      if (!id) return
      const found = () => {
        const el = document.getElementById(id)
        if (!el) return false
        el.classList.add('hash-target')
        el.scrollIntoView({ block: 'center' })
        return true
      }
      if (found()) return
      observer = new MutationObserver(() => {
        if (found()) observer?.disconnect()
      })
      observer.observe(document.body, { childList: true, subtree: true })
      timer = setTimeout(() => observer?.disconnect(), 10_000)
    }
    mark()
    window.addEventListener('hashchange', mark)
    return () => {
      window.removeEventListener('hashchange', mark)
      observer?.disconnect()
      if (timer) clearTimeout(timer)
    }
  }, [])
  return null
}
