import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noElectron = {
  paths: [{ name: 'electron', message: 'src/shared and src/main/core must stay free of electron (DESIGN.md rule 2).' }],
  patterns: [
    { group: ['electron/*'], message: 'src/shared and src/main/core must stay free of electron (DESIGN.md rule 2).' }
  ]
}
const noNode = {
  ...noElectron,
  patterns: [
    ...noElectron.patterns,
    { group: ['node:*'], message: 'src/shared is pure TS: no node:* imports (it runs in the renderer too).' }
  ]
}

// The sandbox is its own program (src/sandbox/, `npm run sandbox`): core is handed a SandboxPort, never imports it.
const coreRules = {
  ...noElectron,
  patterns: [
    ...noElectron.patterns,
    { group: ['**/sandbox', '**/sandbox/**'], message: 'src/main/core never imports src/sandbox: take a SandboxPort (src/main/core/sandbox-port.ts).' }
  ]
}
const sandboxRules = {
  paths: [{ name: 'electron', message: 'src/sandbox runs under plain Node (npm run sandbox): no electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'src/sandbox runs under plain Node (npm run sandbox): no electron.' },
    { group: ['**/main', '**/main/**'], message: 'src/sandbox is its own program: it never imports src/main.' }
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', noNode] } },
  { files: ['src/main/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRules] } },
  { files: ['src/sandbox/**/*.ts'], rules: { 'no-restricted-imports': ['error', sandboxRules] } },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer talks to main only through src/renderer/src/api/client.ts.' }] }
      ]
    }
  }
)
