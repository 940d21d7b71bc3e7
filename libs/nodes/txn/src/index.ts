export * from './lib/txn-options';
export * from './lib/txn-program';
export * from './lib/txn-module';
export * from './lib/txn-presets';
