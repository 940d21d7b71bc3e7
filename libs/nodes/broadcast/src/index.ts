export * from './lib/broadcast-options';
export * from './lib/broadcast-module';
export * from './lib/broadcast-program';
export * from './lib/gossip';
export * from './lib/overlay';
export * from './lib/peer-link';
export * from './lib/broadcast-presets';
export * from './lib/broadcast-overrides';
