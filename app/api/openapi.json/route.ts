import { NextResponse } from 'next/server'
import { openApiDocument } from '@/lib/exchange/openapi'

export const dynamic = 'force-static'

/** The API's OpenAPI 3.1 description (lib/exchange/openapi.ts). */
export function GET() {
  return NextResponse.json(openApiDocument, { headers: { 'Cache-Control': 'public, max-age=300' } })
}
