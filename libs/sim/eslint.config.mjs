import baseConfig, { portsOnly } from '../../eslint.config.mjs';

export default [...baseConfig, ...portsOnly];
