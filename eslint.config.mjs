import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

// Boundaries from DESIGN.md: workflows import only contracts and domain; pure libs stay pure;
// apps never import each other; nothing reaches into another project by relative path.
/** The module boundaries; `allow` lists imports exempted by name (see the simulator below). */
const boundaries = (allow = []) => ({
  enforceBuildableLibDependency: false,
  allow,
  depConstraints: [
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
    },
    {
      sourceTag: 'type:workflow',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
    },
    {
      sourceTag: 'type:infra',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra'],
    },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', 'type:workflow'],
    },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', 'type:workflow'],
    },
    {
      // The browser bundle: pure contracts and domain rules, nothing that needs Node.
      sourceTag: 'type:web',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
    },
    {
      sourceTag: 'type:e2e',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', 'type:testing'],
    },
  ],
});

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '.data',
      '.tools',
      '.nx',
      'coverage',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries()],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    // Tests may use the testing helpers (real services, test databases), which in turn use
    // the infra libs they test: that cycle exists only in test code.
    files: [
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.workflow-spec.ts',
      '**/*.medium-spec.ts',
      '**/*.e2e-spec.ts',
      'libs/testing/src/**/*.ts',
      'apps/*/src/testing/**/*.ts',
      'test/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          ignoredCircularDependencies: [
            ['persistence', 'testing'],
            ['temporal', 'testing'],
          ],
          depConstraints: [
            {
              sourceTag: '*',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:infra',
                'type:workflow',
                'type:testing',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // The simulator is production code running the real workflows on the time-skipping test
    // server: it uses the harness the workflow tests use, from its own entry point (the rest of
    // libs/testing needs development dependencies).
    files: ['apps/cli/src/simulate/simulator.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(['@workpoints/testing/workflows'])],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox.
    files: ['workflows/src/**/*.ts'],
    ignores: [
      'workflows/src/**/*.spec.ts',
      'workflows/src/**/*.integration-spec.ts',
      'workflows/src/**/*.workflow-spec.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'crypto',
                'child_process',
                'http',
                'https',
                'net',
              ],
              message: 'Workflow code cannot use Node built-ins.',
            },
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis'],
              message: 'Workflow code cannot do I/O: call an activity.',
            },
            {
              group: [
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                '@temporalio/testing',
              ],
              message: 'Workflow code may import only @temporalio/workflow.',
            },
            {
              group: [
                '@workpoints/*',
                '!@workpoints/contracts',
                '!@workpoints/domain',
                '!@workpoints/calendar',
              ],
              message: 'Workflows import only contracts, domain and calendar.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure libraries: no I/O, no Nest, no TypeORM.
    files: [
      'libs/domain/src/**/*.ts',
      'libs/contracts/src/**/*.ts',
      'libs/plan-parser/src/**/!(*.spec|parser-test-support).ts',
      'libs/calendar/src/**/!(*.spec).ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'bullmq',
                'ioredis',
                'node:fs',
                'node:child_process',
                'node:net',
                '@temporalio/client',
                '@temporalio/worker',
              ],
              message: 'This library is pure.',
            },
          ],
        },
      ],
    },
  },
  prettier,
];
