import 'reflect-metadata';

export * from './lib/ports';
export * from './lib/errors';
export * from './lib/node';
export * from './lib/kv';
export * from './lib/program';
export * from './lib/modules';
export * from './lib/node-app';
export * from './lib/json-overrides';
export * from './lib/line-splitter';
export * from './testing/memory-transport';
export * from './testing/memory-logger';
export * from './testing/test-node';
export * from './testing/sim-network';
