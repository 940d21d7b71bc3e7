import { ContainerModule } from 'inversify';
import { randomInt } from 'node:crypto';
import { SeededRandom } from '@glomers/sim';
import { StderrLogger } from '../adapters/stderr-logger';
import { StdioTransport } from '../adapters/stdio-transport';
import { SystemClock } from '../adapters/system-clock';
import { TimerScheduler } from '../adapters/timer-scheduler';
import { Node } from './node';
import { PORTS, type Clock, type Logger, type Random, type Scheduler, type Transport } from './ports';

/** The real ports: stdio, the system clock and timers, stderr logs, randomness seeded by `GLOMERS_SEED` or the OS. */
export const stdioRuntimeModule = new ContainerModule(({ bind }) => {
  bind<Transport>(PORTS.Transport).to(StdioTransport).inSingletonScope();
  bind<Clock>(PORTS.Clock).to(SystemClock).inSingletonScope();
  bind<Scheduler>(PORTS.Scheduler).to(TimerScheduler).inSingletonScope();
  bind<Logger>(PORTS.Logger).to(StderrLogger).inSingletonScope();
  bind<Random>(PORTS.Random)
    .toDynamicValue(() => {
      const seed = Number(process.env['GLOMERS_SEED']);
      return new SeededRandom(Number.isSafeInteger(seed) ? seed : randomInt(2 ** 31));
    })
    .inSingletonScope();
  bind(Node).toSelf().inSingletonScope();
});

export interface PortInstances {
  readonly transport: Transport;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly random: Random;
}

/** Binds the given port instances (in-memory transport, virtual time, …), for tests and simulations. */
export function portsModule(ports: PortInstances): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind<Transport>(PORTS.Transport).toConstantValue(ports.transport);
    bind<Clock>(PORTS.Clock).toConstantValue(ports.clock);
    bind<Scheduler>(PORTS.Scheduler).toConstantValue(ports.scheduler);
    bind<Logger>(PORTS.Logger).toConstantValue(ports.logger);
    bind<Random>(PORTS.Random).toConstantValue(ports.random);
    bind(Node).toSelf().inSingletonScope();
  });
}
