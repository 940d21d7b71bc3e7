export {
  parseTxn,
  type Key,
  type MicroOp,
  type ParsedTxn,
  type ReadOp,
  type Txn,
  type Value,
  type WriteOp,
} from './lib/micro-op';
export { executeTxn, type Execution, type ReadRegister, type WriteSet } from './lib/execute-txn';
export { compareStamps, type NodeId, type Stamp } from './lib/stamp';
export { RegisterReplica, type ReplicatedWrite } from './lib/register-replica';
export { TxnStore, type CommittedTxn } from './lib/txn-store';
export {
  REPLICATION_MESSAGE_TYPES,
  ackMessage,
  parseReplicationMessage,
  replicateMessage,
  type ReplicateAckMessage,
  type ReplicateMessage,
  type ReplicationMessage,
} from './lib/replication-messages';
export { PeerOutbox, type Batch } from './lib/peer-outbox';
export {
  Replicator,
  type ReplicationTarget,
  type ReplicatorOptions,
  type SendReplication,
} from './lib/replicator';
export {
  FLUSH_INTERVAL_MS,
  RETRY_AFTER_MS,
  SimulatedCluster,
  type ClusterNode,
} from './testing/simulated-cluster';
