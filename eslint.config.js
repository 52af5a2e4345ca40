import lwcPlugin from '@lwc/eslint-plugin-lwc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'force-app/main/default/lwc/**/*.js',
      'force-app/main/default/staticresources/**',
      'preview/dist/**',
      '.local-org/**',
      '.sf-cli/**',
      'test-results/**'
    ]
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // Lightning Web Components: the platform's own rules.
    files: ['force-app/main/default/lwc/**/*.ts'],
    plugins: { '@lwc/lwc': lwcPlugin },
    rules: {
      '@lwc/lwc/no-api-reassignments': 'error',
      '@lwc/lwc/no-async-operation': 'error',
      '@lwc/lwc/no-document-query': 'error',
      '@lwc/lwc/no-inner-html': 'error',
      '@lwc/lwc/no-leading-uppercase-api-name': 'error',
      '@lwc/lwc/valid-api': 'error',
      '@lwc/lwc/valid-track': 'error',
      '@lwc/lwc/valid-wire': 'error',
      '@lwc/lwc/no-deprecated': 'error',
      '@lwc/lwc/prefer-custom-event': 'error',
      '@lwc/lwc/no-restricted-browser-globals-during-ssr': 'off'
    }
  },
  {
    // The pure core: no I/O, no platform imports (DESIGN.md).
    files: ['force-app/main/default/lwc/partnerProgram/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lightning/*', '@salesforce/*', 'lwc', 'c/*'],
              message: 'partnerProgram is the pure core: no platform imports.'
            },
            {
              group: ['node:*', 'fs', 'http', 'https', 'path'],
              message: 'partnerProgram is the pure core: no I/O.'
            }
          ]
        }
      ],
      'no-restricted-globals': [
        'error',
        'fetch',
        'XMLHttpRequest',
        'localStorage',
        'window',
        'document'
      ]
    }
  },
  {
    files: ['force-app/**/__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  }
);
