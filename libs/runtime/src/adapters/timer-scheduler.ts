import { injectable } from 'inversify';
import type { Cancel, Scheduler } from '../lib/ports';

@injectable()
export class TimerScheduler implements Scheduler {
  setTimeout(callback: () => void, delayMs: number): Cancel {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  }

  setInterval(callback: () => void, periodMs: number): Cancel {
    const timer = setInterval(callback, periodMs);
    return () => clearInterval(timer);
  }
}
