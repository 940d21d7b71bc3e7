export * from './lib/json';
export * from './lib/message';
export * from './lib/bodies';
export * from './lib/error-codes';
export * from './lib/shape';
export * from './lib/schemas';
export * from './lib/codec';
export * from './lib/json-scan';
