// The fuzz harness: a separate entry point, so fast-check stays out of the apps' bundles.
export * from './testing/fuzz/hostile-lines';
export * from './testing/fuzz/protocol-check';
export * from './testing/fuzz/workload-model';
export * from './testing/fuzz/fuzz-app';
export * from './testing/fuzz/models/echo-model';
export * from './testing/fuzz/models/unique-ids-model';
export * from './testing/fuzz/models/broadcast-model';
export * from './testing/fuzz/models/g-counter-model';
export * from './testing/fuzz/models/kafka-model';
export * from './testing/fuzz/models/txn-model';
export * from './testing/fuzz/argv';
