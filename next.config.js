/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // HSTS only when the site is served over https (a plain-http intranet install would otherwise lock itself out)
  ...(String(process.env.NEXTAUTH_URL ?? '').startsWith('https://') ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
  },
]

const nextConfig = {
  // a separate build directory lets several checkouts' test servers build side by side
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // `npm test` type-checks the whole project first (npm run typecheck); the build need not repeat it
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  serverExternalPackages: ['exceljs', 'pg', '@prisma/adapter-pg'],
  experimental: {
    // proxy.ts runs before every route, and Next buffers a request body for it only up to this size: the
    // workbook upload's limit (20 MB, lib/exchange/errors.ts MAX_FILE_BYTES) plus room for the form, so a
    // route handler never gets a cut body (tests/e2e/upload-limits.spec.ts). Server actions stay at 1 MB.
    proxyClientMaxBodySize: '21mb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default nextConfig
