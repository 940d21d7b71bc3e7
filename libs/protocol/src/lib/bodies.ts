import type { Json } from './json';
import type { Body } from './message';

// ---- lifecycle -------------------------------------------------------------------------------------
export interface InitRequest extends Body {
  readonly type: 'init';
  readonly node_id: string;
  readonly node_ids: readonly string[];
}
export interface InitOk extends Body {
  readonly type: 'init_ok';
}

// ---- echo ------------------------------------------------------------------------------------------
export interface EchoRequest extends Body {
  readonly type: 'echo';
  readonly echo: Json;
}
export interface EchoOk extends Body {
  readonly type: 'echo_ok';
  readonly echo: Json;
}

// ---- unique-ids ------------------------------------------------------------------------------------
export interface GenerateRequest extends Body {
  readonly type: 'generate';
}
export interface GenerateOk extends Body {
  readonly type: 'generate_ok';
  readonly id: Json;
}

// ---- broadcast -------------------------------------------------------------------------------------
export interface TopologyRequest extends Body {
  readonly type: 'topology';
  readonly topology: Readonly<Record<string, readonly string[]>>;
}
export interface TopologyOk extends Body {
  readonly type: 'topology_ok';
}
export interface BroadcastRequest extends Body {
  readonly type: 'broadcast';
  readonly message: number;
}
export interface BroadcastOk extends Body {
  readonly type: 'broadcast_ok';
}
/** `read` of the broadcast and counter workloads (no key), and of the KV services (with a key). */
export interface ReadRequest extends Body {
  readonly type: 'read';
  readonly key?: Json;
}
export interface BroadcastReadOk extends Body {
  readonly type: 'read_ok';
  readonly messages: readonly number[];
}

// ---- g-counter -------------------------------------------------------------------------------------
export interface AddRequest extends Body {
  readonly type: 'add';
  readonly delta: number;
}
export interface AddOk extends Body {
  readonly type: 'add_ok';
}
export interface CounterReadOk extends Body {
  readonly type: 'read_ok';
  readonly value: number;
}

// ---- kafka -----------------------------------------------------------------------------------------
export type KafkaEntry = readonly [offset: number, msg: Json];
export interface SendRequest extends Body {
  readonly type: 'send';
  readonly key: string;
  readonly msg: Json;
}
export interface SendOk extends Body {
  readonly type: 'send_ok';
  readonly offset: number;
}
export interface PollRequest extends Body {
  readonly type: 'poll';
  readonly offsets: Readonly<Record<string, number>>;
}
export interface PollOk extends Body {
  readonly type: 'poll_ok';
  readonly msgs: Readonly<Record<string, readonly KafkaEntry[]>>;
}
export interface CommitOffsetsRequest extends Body {
  readonly type: 'commit_offsets';
  readonly offsets: Readonly<Record<string, number>>;
}
export interface CommitOffsetsOk extends Body {
  readonly type: 'commit_offsets_ok';
}
export interface ListCommittedOffsetsRequest extends Body {
  readonly type: 'list_committed_offsets';
  readonly keys: readonly string[];
}
export interface ListCommittedOffsetsOk extends Body {
  readonly type: 'list_committed_offsets_ok';
  readonly offsets: Readonly<Record<string, number>>;
}

// ---- txn-rw-register -------------------------------------------------------------------------------
export type ReadMicroOp = readonly ['r', number, number | null];
export type WriteMicroOp = readonly ['w', number, number];
export type MicroOp = ReadMicroOp | WriteMicroOp;
export interface TxnRequest extends Body {
  readonly type: 'txn';
  readonly txn: readonly MicroOp[];
}
export interface TxnOk extends Body {
  readonly type: 'txn_ok';
  readonly txn: readonly MicroOp[];
}

// ---- KV services (lin-kv, seq-kv, lww-kv) ----------------------------------------------------------
export interface KvReadRequest extends Body {
  readonly type: 'read';
  readonly key: Json;
}
export interface KvReadOk extends Body {
  readonly type: 'read_ok';
  readonly value: Json;
}
export interface KvWriteRequest extends Body {
  readonly type: 'write';
  readonly key: Json;
  readonly value: Json;
}
export interface KvWriteOk extends Body {
  readonly type: 'write_ok';
}
export interface KvCasRequest extends Body {
  readonly type: 'cas';
  readonly key: Json;
  readonly from: Json;
  readonly to: Json;
  readonly create_if_not_exists?: boolean;
}
export interface KvCasOk extends Body {
  readonly type: 'cas_ok';
}

// ---- lin-tso ---------------------------------------------------------------------------------------
export interface TsRequest extends Body {
  readonly type: 'ts';
}
export interface TsOk extends Body {
  readonly type: 'ts_ok';
  readonly ts: number;
}

/** Request bodies a node may receive from Maelstrom clients, by type. */
export interface WorkloadRequests {
  init: InitRequest;
  echo: EchoRequest;
  generate: GenerateRequest;
  topology: TopologyRequest;
  broadcast: BroadcastRequest;
  read: ReadRequest;
  add: AddRequest;
  send: SendRequest;
  poll: PollRequest;
  commit_offsets: CommitOffsetsRequest;
  list_committed_offsets: ListCommittedOffsetsRequest;
  txn: TxnRequest;
  write: KvWriteRequest;
  cas: KvCasRequest;
  ts: TsRequest;
}
