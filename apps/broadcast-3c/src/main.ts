import { nodeApp } from '@glomers/runtime';
import { createContainer } from './container';

/** Loaded as a module (by the sim engine) the bundle exports the app; executed, it serves stdio. */
export const app = nodeApp(createContainer);
if (require.main === module) app.main();
