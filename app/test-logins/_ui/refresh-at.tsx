'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** Re-renders the page from the server once `at` has passed (a waiting run becomes "abandoned" without a reload). */
export function RefreshAt({ at }: { at: string }) {
  const router = useRouter()
  useEffect(() => {
    const ms = Date.parse(at) - Date.now()
    if (!Number.isFinite(ms)) return
    const t = setTimeout(() => router.refresh(), Math.min(Math.max(ms, 0) + 1000, 2 ** 31 - 1))
    return () => clearTimeout(t)
  }, [at, router])
  return null
}
