// The architecture's walls (docs/ARCHITECTURE.md, docs/decisions/013-lint-boundaries.md), held by ESLint.
// Which feature module may import which is read from docs/architecture.json, the same file the unit test
// compares with ARCHITECTURE.md's table, so the document and the rules cannot drift apart.
import fs from 'node:fs'
import path from 'node:path'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
/** @type {{ modules: Record<string, string[]> }} */
const architecture = JSON.parse(fs.readFileSync(path.join(root, 'docs/architecture.json'), 'utf8'))
const modules = Object.keys(architecture.modules)

/** For each feature module, a zone forbidding every other lib module it has no arrow to. */
const featureZones = modules.flatMap((m) => [
  ...modules
    .filter((other) => other !== m && !architecture.modules[m].includes(other))
    .map((other) => ({ target: `./${m}`, from: `./${other}`, message: `${m} may not import ${other}: docs/architecture.json has no arrow ${m} → ${other}.` })),
  { target: `./${m}`, from: './app', message: 'lib/ never imports app/ (routes depend on lib, not the other way).' },
  { target: `./${m}`, from: './components', message: 'lib/ never imports components/.' },
])
const unknownLib = (file) => file.startsWith('lib/') && !modules.some((m) => file.startsWith(`${m}/`))

const serverModules = ['@/lib/server', '@/lib/server/**', '@/lib/*/server', '@/lib/*/server/**']

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.next/**', '.next-*/**', 'src/generated/**', '.data/**', '.tmp/**', 'tests/lint-fixtures/**', 'tests/e2e/screenshots/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    rules: {
      // no import cycles, anywhere (docs/decisions/013)
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // the feature modules' arrows (docs/architecture.json)
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: featureZones }],
      // one reader of the environment: lib/server/env.ts
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment through env() in lib/server/env.ts.' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-debugger': 'error',
    },
  },
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // the kernel is pure: nothing outside lib/budget, no file system, no Node built-ins
    files: ['lib/budget/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [{ target: './lib/budget', from: './', except: ['./lib/budget', './node_modules'], message: 'lib/budget is pure: it imports nothing outside itself.' }] },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os', 'url'], message: 'lib/budget is pure: no file system or Node built-ins.' }] }],
    },
  },
  {
    // client UI: never a server module, not even for a type (view types live in lib/<feature>/view.ts)
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: serverModules, message: 'components/ never import lib/**/server, not even a type: view types live in lib/<feature>/view.ts, labels and schemas in pure modules.' },
            { group: ['@/src/generated/**', '@prisma/*'], allowTypeImports: true, message: 'components/ never import the database client.' },
            { group: ['@/app/**'], message: 'components/ never import routes.' },
          ],
        },
      ],
    },
  },
  {
    // routes: never the database client; reads and writes go through lib/*/server
    files: ['app/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@/lib/server/db', message: 'app/ never imports the database client: call a lib/*/server function.' }],
          patterns: [{ group: ['@/src/generated/**', '@prisma/*', 'pg'], allowTypeImports: true, message: 'app/ never imports the database client: call a lib/*/server function.' }],
        },
      ],
    },
  },
  {
    // where the environment may be read directly
    files: ['lib/server/env.ts', 'scripts/**', 'tests/**', 'prisma/**', '*.config.{ts,js,mjs}', 'next.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // a directory under lib/ that docs/architecture.json does not know is itself an error
    files: ['lib/**'],
    plugins: { local: { rules: { 'known-module': knownModuleRule() } } },
    rules: { 'local/known-module': 'error' },
  },
)

function knownModuleRule() {
  return {
    meta: { type: 'problem', schema: [], messages: { unknown: 'lib/{{dir}} is not in docs/architecture.json: add it (and its arrows) there and to ARCHITECTURE.md.' } },
    create(context) {
      const rel = path.relative(root, context.filename).split(path.sep).join('/')
      return {
        Program(node) {
          if (unknownLib(rel)) context.report({ node, messageId: 'unknown', data: { dir: rel.split('/')[1] } })
        },
      }
    },
  }
}
