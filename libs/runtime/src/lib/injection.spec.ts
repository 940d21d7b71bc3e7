import 'reflect-metadata';
import { Container, inject, injectable } from 'inversify';

/**
 * Jest compiles without decorator metadata (emitDecoratorMetadata is off, as esbuild never emits it for the app
 * bundles), so a constructor parameter without @inject fails here exactly as it fails in a built app.
 * The lint rule glomers/inject-every-parameter (tools/workspace/eslint) catches it before either runs.
 */
const GREETING = Symbol('greeting');

@injectable()
class Named {
  constructor(@inject(GREETING) readonly greeting: string) {}
}

@injectable()
class Greeting {
  readonly text = 'hello';
}

@injectable()
class Unnamed {
  // eslint-disable-next-line glomers/inject-every-parameter -- the violation this spec is about
  constructor(readonly greeting: Greeting) {}
}

describe('constructor injection without decorator metadata', () => {
  const container = new Container();
  container.bind(GREETING).toConstantValue('hello');
  container.bind(Greeting).toSelf();

  it('resolves a parameter that names its token with @inject', () => {
    container.bind(Named).toSelf();
    expect(container.get(Named).greeting).toBe('hello');
  });

  it('refuses to bind a class with a parameter without @inject, even when its type is bound', () => {
    expect(() => container.bind(Unnamed).toSelf()).toThrow(/missing metadata/i);
  });
});
