// lint-as: lib/newfeature/fixture.ts
// expect: local/known-module
// A lib/ directory that docs/architecture.json does not list.
export const x = 1
