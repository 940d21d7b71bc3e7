// ESLint rule `glomers/inject-every-parameter` (wired in eslint.config.mjs): every constructor parameter of an
// @injectable() class names what inversify injects with @inject(token), @multiInject(token) or @unmanaged().
// Nothing here emits decorator metadata (emitDecoratorMetadata is off in tsconfig.base.json, and esbuild, which
// bundles the apps, never emits it), so inversify cannot guess a parameter from its type: without the decorator
// the container throws "missing metadata" when it first builds the class.
'use strict';

const INJECTING = new Set(['inject', 'multiInject', 'unmanaged']);

/** `inject` for `@inject(X)`, `@inversify.inject(X)` or `@inject`; undefined for anything else. */
function decoratorName(decorator) {
  const target =
    decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression;
  if (target.type === 'Identifier') return target.name;
  if (target.type === 'MemberExpression' && target.property.type === 'Identifier')
    return target.property.name;
  return undefined;
}

/** The name a parameter is reported by: `x` for `x`, `private readonly x`, `x = 1` or `...x`. */
function parameterName(param) {
  const inner = param.type === 'TSParameterProperty' ? param.parameter : param;
  const bare =
    inner.type === 'AssignmentPattern' ? inner.left : inner.type === 'RestElement' ? inner.argument : inner;
  return bare.type === 'Identifier' ? bare.name : '(pattern)';
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Every constructor parameter of an @injectable() class carries @inject(token).' },
    schema: [],
    messages: {
      missing:
        "Parameter '{{param}}' of @injectable() class {{name}} has no @inject(token) (or @multiInject, " +
        '@unmanaged): without decorator metadata inversify cannot resolve it and throws "missing metadata".',
    },
  },
  create(context) {
    function check(node) {
      if (!(node.decorators ?? []).some((d) => decoratorName(d) === 'injectable')) return;
      const constructor = node.body.body.find(
        (member) => member.type === 'MethodDefinition' && member.kind === 'constructor',
      );
      if (!constructor) return;
      for (const param of constructor.value.params) {
        if ((param.decorators ?? []).some((d) => INJECTING.has(decoratorName(d)))) continue;
        context.report({
          node: param,
          messageId: 'missing',
          data: { param: parameterName(param), name: node.id?.name ?? '(anonymous)' },
        });
      }
    }
    return { ClassDeclaration: check, ClassExpression: check };
  },
};
