import 'server-only'
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { passwordRuleProblem } from '@/lib/domain/password-rule'

/** scrypt (memory-hard, slow by design) from Node's own crypto: N=2^15, r=8, p=1, 64-byte key. */
const N = 32768
const R = 8
const P = 1
const KEYLEN = 64
const MAXMEM = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, n = N, r = R, p = P): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt)
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const got = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p))
  return got.length === expected.length && timingSafeEqual(got, expected)
}

/** Minimum rules for a new password, in Chinese (the one rule the form states: lib/account/password-rule.ts). */
export function passwordProblem(next: string, current?: string): string | null {
  return passwordRuleProblem(next, current)
}
