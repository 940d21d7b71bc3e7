export * from './lib/kafka-backend';
export * from './lib/kafka-program';
export * from './lib/storable-msg';
export * from './lib/kafka-module';
export * from './lib/local-log-backend';
export * from './lib/lin-kv-backend';
export * from './lib/replicated-log-backend';
export * from './lib/replicated-log-presets';
