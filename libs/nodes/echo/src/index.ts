export * from './lib/echo-program';
export * from './lib/echo-module';
