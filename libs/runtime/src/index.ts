import 'reflect-metadata';

export * from './lib/ports';
export * from './lib/errors';
export * from './lib/node';
export * from './lib/kv';
export * from './lib/program';
export * from './lib/seeded-random';
export * from './lib/modules';
export * from './lib/json-overrides';
export * from './testing/memory-transport';
export * from './testing/memory-logger';
export * from './testing/virtual-time';
export * from './testing/test-node';
export * from './testing/sim-network';
export * from './testing/memory-kv-service';
