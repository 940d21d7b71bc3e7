import nx from '@nx/eslint-plugin';
import injectEveryParameter from './tools/workspace/eslint/inject-every-parameter.js';

const workspace = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/store', '**/coverage', '**/tmp'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:protocol', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:protocol'] },
            { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:protocol', 'type:kernel'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'] },
            {
              sourceTag: 'type:node',
              onlyDependOnLibsWithTags: [
                'type:protocol',
                'type:kernel',
                'type:runtime',
                'type:domain',
                'type:node',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:protocol',
                'type:kernel',
                'type:runtime',
                'type:domain',
                'type:node',
              ],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:protocol', 'type:kernel', 'type:runtime', 'type:tool'],
            },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:script', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { glomers: { rules: { 'inject-every-parameter': injectEveryParameter } } },
    rules: {
      // Jest and the esbuild bundle resolve injections the same way only if every one names its token.
      'glomers/inject-every-parameter': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

/** For libs and apps: time, timers, randomness and stdout only through injected ports (tools are exempt). */
export const portsOnly = [
  {
    // Nodes reach time, timers, randomness and stdout only through injected ports.
    files: ['**/*.ts'],
    ignores: ['**/adapters/**', '**/testing/**', '**/*.spec.ts', '**/test/**'],
    rules: {
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'setImmediate'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the injected Clock port.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock port.' },
        { object: 'Math', property: 'random', message: 'Use the injected Random port.' },
        { object: 'performance', property: 'now', message: 'Use the injected Clock port.' },
        { object: 'process', property: 'stdout', message: 'Use the Transport port.' },
      ],
    },
  },
];

// The apps have no ESLint config of their own: this one lints them, ports only like the libs (their specs and
// test/ folders exempt, as everywhere).
export default [...workspace, ...portsOnly.map((config) => ({ ...config, files: ['apps/*/src/**/*.ts'] }))];
