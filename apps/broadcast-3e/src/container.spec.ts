import { BROADCAST_OPTIONS, BROADCAST_PRESETS, BroadcastProgram } from '@glomers/node-broadcast';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { createContainer } from './container';

it('broadcast-3e runs the broadcast program with the frugal preset', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(BroadcastProgram);
  expect(container.get(BROADCAST_OPTIONS)).toBe(BROADCAST_PRESETS.frugal);
});
