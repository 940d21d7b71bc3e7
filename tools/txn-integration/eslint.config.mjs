import baseConfig from '../../eslint.config.mjs';

// This project exists to run the bench's Elle port (`@glomers/bench`) over txn histories. The bench is an Nx
// application (a CLI), and Nx forbids importing applications whatever the tags; making it a library instead would
// make it a buildable library importing non-buildable ones, which the root rule also forbids. So this project, and
// only this one, may import the bench's entry point: the workspace rule with that one path allowed.
const BOUNDARIES = '@nx/enforce-module-boundaries';

export default baseConfig.map((config) => {
  const rule = config.rules?.[BOUNDARIES];
  if (!Array.isArray(rule)) return config;
  const [level, options] = rule;
  return {
    ...config,
    rules: {
      ...config.rules,
      [BOUNDARIES]: [level, { ...options, allow: [...options.allow, '@glomers/bench'] }],
    },
  };
});
