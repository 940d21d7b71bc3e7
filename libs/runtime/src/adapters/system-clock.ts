import { injectable } from 'inversify';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../lib/ports';

@injectable()
export class SystemClock implements Clock {
  now(): number {
    return performance.now();
  }
}
