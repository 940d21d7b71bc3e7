import { runNode, stdioRuntimeModule } from '@glomers/runtime';
import { createContainer } from './container';

runNode(createContainer(stdioRuntimeModule, process.env['GLOMERS_REPLICATED_LOG_TIMING']));
