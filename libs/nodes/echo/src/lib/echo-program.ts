import type { EchoOk } from '@glomers/protocol';
import type { Node, NodeProgram } from '@glomers/runtime';
import { injectable } from 'inversify';

/** Challenge 1: answer every `echo` with the same payload. */
@injectable()
export class EchoProgram implements NodeProgram {
  register(node: Node): void {
    node.handle('echo', (request): EchoOk => ({ type: 'echo_ok', echo: request.body.echo }));
  }
}
