'use client'

import { useEffect } from 'react'

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (the browser's own prompt)
 * and following a link inside the app (a confirm), so typed work is never dropped without a word.
 */
export function useLeaveGuard(dirty: boolean, message = '有尚未保存的修改，离开将丢失这些修改。确定离开吗？'): void {
  useEffect(() => {
    if (!dirty) return
    const unload = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = message
    }
    const click = (e: MouseEvent) => {
      const a = (e.target as HTMLElement | null)?.closest?.('a[href]') as HTMLAnchorElement | null
      if (!a || a.target === '_blank' || a.hasAttribute('download') || e.defaultPrevented) return
      if (!window.confirm(message)) {
        e.preventDefault()
        e.stopPropagation()
      }
    }
    window.addEventListener('beforeunload', unload)
    document.addEventListener('click', click, true)
    return () => {
      window.removeEventListener('beforeunload', unload)
      document.removeEventListener('click', click, true)
    }
  }, [dirty, message])
}
