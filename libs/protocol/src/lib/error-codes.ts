/**
 * Maelstrom's error codes (resources/errors.edn). A definite error means the operation certainly did not
 * happen; an indefinite one means it may have. Codes of 1000 and above are free for users and indefinite.
 */
export const ErrorCode = {
  Timeout: 0,
  NodeNotFound: 1,
  NotSupported: 10,
  TemporarilyUnavailable: 11,
  MalformedRequest: 12,
  Crash: 13,
  Abort: 14,
  KeyDoesNotExist: 20,
  KeyAlreadyExists: 21,
  PreconditionFailed: 22,
  TxnConflict: 30,
} as const;

export type KnownErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorCodeInfo {
  readonly code: KnownErrorCode;
  readonly name: string;
  readonly definite: boolean;
  readonly description: string;
}

export const ERROR_CODES: readonly ErrorCodeInfo[] = [
  { code: 0, name: 'timeout', definite: false, description: 'could not complete within a timeout' },
  {
    code: 1,
    name: 'node-not-found',
    definite: true,
    description: 'the request was sent to a node that does not exist',
  },
  { code: 10, name: 'not-supported', definite: true, description: 'the operation is not supported' },
  {
    code: 11,
    name: 'temporarily-unavailable',
    definite: true,
    description: 'the node cannot serve this request now',
  },
  { code: 12, name: 'malformed-request', definite: true, description: 'the request could not be understood' },
  {
    code: 13,
    name: 'crash',
    definite: false,
    description: 'the node failed in a way that leaves the outcome unknown',
  },
  { code: 14, name: 'abort', definite: true, description: 'the operation certainly did not happen' },
  { code: 20, name: 'key-does-not-exist', definite: true, description: 'the key does not exist' },
  { code: 21, name: 'key-already-exists', definite: true, description: 'the key already exists' },
  {
    code: 22,
    name: 'precondition-failed',
    definite: true,
    description: 'a precondition (such as a cas from-value) failed',
  },
  {
    code: 30,
    name: 'txn-conflict',
    definite: true,
    description: 'the transaction was aborted by a conflict',
  },
];

const byCode = new Map<number, ErrorCodeInfo>(ERROR_CODES.map((info) => [info.code, info]));

export function errorCodeInfo(code: number): ErrorCodeInfo | undefined {
  return byCode.get(code);
}

/** Unknown and user codes (≥ 1000) are indefinite, as in Maelstrom. */
export function isDefinite(code: number): boolean {
  return byCode.get(code)?.definite ?? false;
}
