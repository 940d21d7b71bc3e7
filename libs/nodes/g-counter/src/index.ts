export * from './lib/grow-only-counter-program';
export * from './lib/grow-only-counter-module';
