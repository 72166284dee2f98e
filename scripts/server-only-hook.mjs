// `import 'server-only'` marks the modules under lib/**/server and lib/server (docs/decisions/013): Next.js
// fails the build when a client component pulls one in. Outside Next (the tsx scripts and CLI, Playwright's
// test process) the package throws on import, since it only resolves to an empty module under the
// `react-server` condition. This hook, loaded with `--import ./scripts/server-only-hook.mjs`, resolves that
// one specifier to an empty module and nothing else: unlike `--conditions=react-server` it does not switch
// React to its server build, so it is harmless in a process that also starts `next`.
import { register } from 'node:module'

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export{}', shortCircuit: true, format: 'module' }
  return next(specifier, context)
}`
register(`data:text/javascript,${encodeURIComponent(hook)}`)
