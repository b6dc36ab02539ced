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
  { files: ['src/main/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', noElectron] } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
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
