import { Container, ContainerModule, injectable } from 'inversify';
import type { Node } from '../../lib/node';
import { NODE_PROGRAM, type NodeProgram } from '../../lib/program';
import { runFuzzCase, type FuzzApp } from './fuzz-app';
import { echoModel } from './models/echo-model';
import { protocolProblem } from './protocol-check';

/** An echo app whose handler misbehaves as told, to show the harness notices. */
function appWith(handle: (node: Node) => void): FuzzApp {
  @injectable()
  class Program implements NodeProgram {
    register(node: Node): void {
      handle(node);
    }
  }
  const module = new ContainerModule(({ bind }) => {
    bind<NodeProgram>(NODE_PROGRAM).to(Program).inSingletonScope();
  });
  return {
    createContainer: (runtime) => {
      const container = new Container();
      container.load(runtime, module);
      return container;
    },
    model: echoModel,
  };
}

const echoRequest = { kind: 'request', body: { type: 'echo', echo: 'hi' } } as const;

describe('runFuzzCase', () => {
  it('passes a correct echo node', async () => {
    const app = appWith((node) => node.handle('echo', (req) => ({ type: 'echo_ok', echo: req.body.echo })));
    await expect(runFuzzCase(app, [echoRequest])).resolves.toEqual({
      hostileLines: 0,
      requests: 1,
      acknowledged: 1,
    });
  });

  it.each([
    [
      'replies twice',
      (node: Node) =>
        node.handle('echo', (req) => {
          node.reply(req, { type: 'echo_ok', echo: req.body.echo });
          return { type: 'echo_ok', echo: req.body.echo };
        }),
      /got 2 replies/,
    ],
    ['never replies', (node: Node) => node.handle('echo', () => undefined), /got 0 replies|lost/],
    [
      'fails inside',
      (node: Node) =>
        node.handle('echo', () => {
          throw new TypeError('oops');
        }),
      /internal error|lost/,
    ],
    [
      'changes the payload',
      (node: Node) => node.handle('echo', () => ({ type: 'echo_ok', echo: 'other' })),
      /lost/,
    ],
    [
      'writes a bad line',
      (node: Node) =>
        node.handle('echo', (req) => {
          node.send(req.src, { type: 5 } as never);
          return { type: 'echo_ok', echo: req.body.echo };
        }),
      /not protocol JSON|internal/,
    ],
  ])('rejects a node that %s', async (_case, handle, error) => {
    await expect(runFuzzCase(appWith(handle), [echoRequest])).rejects.toThrow(error);
  });
});

describe('protocolProblem', () => {
  it.each([
    ['{"src":"n0","dest":"c1","body":{"type":"echo_ok","in_reply_to":1}}', undefined],
    ['{"src":"n0","dest":"c1","body":{"type":"error","code":12,"in_reply_to":9007199254740993}}', undefined],
    ['{"src":"n1","dest":"c1","body":{"type":"x"}}', 'src'],
    ['{"src":"n0","dest":"c1","body":{"type":"x"},"extra":1}', 'envelope'],
    ['{"src":"n0","dest":"c1","body":{"type":"x","msg_id":1.5}}', 'msg_id'],
    [
      '{"src":"n0","dest":"c1","body":{"type":"error","code":13,"text":"a\\n    at f (/x.js:1)"}}',
      'error text',
    ],
    ['not json', 'not JSON'],
  ])('judges %s', (line, problem) => {
    const found = protocolProblem(line, 'n0');
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
