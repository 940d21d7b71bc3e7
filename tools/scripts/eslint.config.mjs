import baseConfig from '../../eslint.config.mjs';

// The scripts measure and sweep the apps with the bench, so they import what no library may: the bench's entry
// point (`@glomers/bench`, an Nx application, as in tools/txn-integration), each app's composition root
// (fuzz-apps.ts fuzzes the apps as they are wired) and the bench's option fuzzer, a test support module. Those
// paths, and only they, are allowed here.
const BOUNDARIES = '@nx/enforce-module-boundaries';
const ALLOWED = ['@glomers/bench', '../../apps/**/src/container', '../bench/test/support/option-fuzz'];

export default baseConfig.map((config) => {
  const rule = config.rules?.[BOUNDARIES];
  if (!Array.isArray(rule)) return config;
  const [level, options] = rule;
  return {
    ...config,
    rules: { ...config.rules, [BOUNDARIES]: [level, { ...options, allow: [...options.allow, ...ALLOWED] }] },
  };
});
