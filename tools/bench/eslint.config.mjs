import baseConfig, { portsOnly } from '../../eslint.config.mjs';

// Everything a sim run executes (the runner, the sim engine, workloads and checkers) lives under the same rule as
// libs and apps: no wall clock, timers or randomness but through ports. Commands and adapters are the edges.
const simulated = [
  'src/core/**/*.ts',
  'src/sim/**/*.ts',
  'src/lib/**/*.ts',
  'src/workloads/**/*.ts',
  'src/checkers/**/*.ts',
];

export default [...baseConfig, ...portsOnly.map((config) => ({ ...config, files: simulated }))];
