import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'

/** A 3 MB body sent in 64 KB chunks, counting what the server read of it. */
function countedBody(total = 3 * 1024 * 1024, chunk = 64 * 1024) {
  const seen = { bytes: 0, finished: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.bytes >= total) {
        seen.finished = true
        c.close()
        return
      }
      const n = Math.min(chunk, total - seen.bytes)
      seen.bytes += n
      c.enqueue(new Uint8Array(n))
    },
  })
  return { stream, seen }
}

describe('proxy.ts refuses a cross-site upload cleanly (issue 11, open item 5)', () => {
  it('answers 403 in Chinese after reading the refused body to its end, so the connection is not reset mid-upload', async () => {
    for (const origin of ['http://127.0.0.1:1', null]) {
      const { stream, seen } = countedBody()
      const headers: Record<string, string> = { host: '127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=x' }
      if (origin) headers.origin = origin
      const req = new NextRequest('http://127.0.0.1:3000/api/imports', { method: 'POST', headers, body: stream, duplex: 'half' } as unknown as ConstructorParameters<typeof NextRequest>[1])
      const res = await proxy(req)
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(seen).toEqual({ bytes: 3 * 1024 * 1024, finished: true })
    }
  })

  it('a same-origin upload passes through unread (the route handler reads it)', async () => {
    const { stream, seen } = countedBody()
    const req = new NextRequest('http://127.0.0.1:3000/api/imports', { method: 'POST', headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'multipart/form-data; boundary=x' }, body: stream, duplex: 'half' } as unknown as ConstructorParameters<typeof NextRequest>[1])
    const res = await proxy(req)
    expect(res.headers.get('x-middleware-next')).toBe('1')
    expect(seen.finished).toBe(false)
  })
})
