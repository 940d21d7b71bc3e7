import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from '../eslint/inject-every-parameter.js';

/** The workspace's lint rule that keeps jest and the esbuild bundle resolving injections the same way. */
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('inject-every-parameter', rule, {
  valid: [
    '@injectable() class A { constructor(@inject(T) private readonly t: T, @inject(U) u: U) {} }',
    '@injectable() class A { constructor(@multiInject(T) ts: T[], @unmanaged() n: number) {} }',
    '@injectable() class A { constructor() {} }',
    '@injectable() class A { run(x: number) { return x; } }',
    // Not injectable: inversify never builds it, so its parameters are its own business.
    'class A { constructor(private readonly t: T) {} }',
  ],
  invalid: [
    {
      code: '@injectable() class A { constructor(@inject(T) t: T, private readonly u: U) {} }',
      errors: [{ messageId: 'missing', data: { param: 'u', name: 'A' } }],
    },
    {
      code: '@injectable() export class A { constructor(t: T, u = 1) {} }',
      errors: [
        { messageId: 'missing', data: { param: 't', name: 'A' } },
        { messageId: 'missing', data: { param: 'u', name: 'A' } },
      ],
    },
    {
      // Another decorator is not enough: @optional() still needs the token.
      code: '@injectable() class A { constructor(@optional() t?: T) {} }',
      errors: [{ messageId: 'missing', data: { param: 't', name: 'A' } }],
    },
    {
      code: '@inversify.injectable() class A { constructor(t: T) {} }',
      errors: [{ messageId: 'missing', data: { param: 't', name: 'A' } }],
    },
  ],
});
