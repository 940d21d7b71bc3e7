import { inexactNumber, type EchoOk } from '@glomers/protocol';
import { RpcError, type Node, type NodeProgram } from '@glomers/runtime';
import { injectable } from 'inversify';

/**
 * Challenge 1: answer every `echo` with the same payload. A payload holding a number that could not be sent back
 * as it came (an integer beyond 2^53 - 1, an out-of-range literal) is refused with error 12 rather than altered.
 */
@injectable()
export class EchoProgram implements NodeProgram {
  register(node: Node): void {
    node.handle('echo', (request): EchoOk => {
      const inexact = inexactNumber(request.body.echo);
      if (inexact !== undefined) throw RpcError.malformed(`cannot echo ${inexact} exactly`);
      return { type: 'echo_ok', echo: request.body.echo };
    });
  }
}
