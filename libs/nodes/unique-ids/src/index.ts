export * from './lib/unique-id-program';
export * from './lib/unique-ids-module';
