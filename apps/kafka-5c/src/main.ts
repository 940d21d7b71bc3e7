import { runNode } from '@glomers/runtime';
import { createContainer } from './container';

runNode(createContainer());
