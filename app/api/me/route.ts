import { NextResponse } from 'next/server'
import { getActor } from '@/lib/server/auth'
import { ROLE_LABELS } from '@/lib/server/authz'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * Who is signed in, for the site header of cached public pages (their HTML is the same for every
 * visitor, docs/decisions/008): the caller's own name and role, or null. Nothing else is disclosed.
 */
export const GET = handle(async () => {
  const actor = await getActor().catch(() => null)
  const user = actor ? { name: actor.name, role: actor.role, roleLabel: ROLE_LABELS[actor.role] } : null
  return NextResponse.json({ user }, { headers: { 'Cache-Control': 'private, no-store' } })
})
