// lint-as: lib/portal/fixture.ts
// expect: no-restricted-properties
// Reading the environment outside lib/server/env.ts.
export const secret = process.env.NEXTAUTH_SECRET
