import { ErrorCode, errorCodeInfo, isDefinite, type ErrorBody } from '@glomers/protocol';

/** A Maelstrom error: thrown by a handler it becomes an error reply; a failed rpc rejects with one. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    text?: string,
  ) {
    super(text ?? errorCodeInfo(code)?.description ?? `error ${code}`);
    this.name = 'RpcError';
  }

  get definite(): boolean {
    return isDefinite(this.code);
  }

  static fromBody(body: ErrorBody): RpcError {
    return new RpcError(body.code, typeof body.text === 'string' ? body.text : undefined);
  }

  static notSupported(text: string): RpcError {
    return new RpcError(ErrorCode.NotSupported, text);
  }

  static malformed(text: string): RpcError {
    return new RpcError(ErrorCode.MalformedRequest, text);
  }

  static unavailable(text: string): RpcError {
    return new RpcError(ErrorCode.TemporarilyUnavailable, text);
  }
}

/** No reply came within the rpc's timeout; the request may or may not have taken effect. */
export class RpcTimeoutError extends RpcError {
  constructor(
    readonly dest: string,
    readonly msgId: number,
    readonly timeoutMs: number,
  ) {
    super(ErrorCode.Timeout, `no reply from ${dest} to msg ${msgId} within ${timeoutMs} ms`);
    this.name = 'RpcTimeoutError';
  }
}

export function isRpcError(error: unknown, code?: number): error is RpcError {
  return error instanceof RpcError && (code === undefined || error.code === code);
}
