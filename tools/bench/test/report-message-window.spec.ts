import { messagesInWindow } from '../src/report/message-window';
import type { MessageTable } from '../src/report/model';

/** Four messages between clients (0), n0 (1) and n1 (2); types init (0) and gossip (1). */
const table: MessageTable = {
  endpoints: ['clients', 'n0', 'n1'],
  names: ['c0', 'n0', 'n1'],
  types: ['init', 'gossip'],
  id: [0, 1, 2, 3],
  src: [0, 1, 1, 2],
  dest: [1, 2, 2, 1],
  srcName: [0, 1, 1, 2],
  destName: [1, 2, 2, 1],
  type: [0, 1, 1, 1],
  sendMs: [0, 100, 150, 400],
  recvMs: [1, 300, null, 500],
  body: ['{}', '{}', '{}', '{}'],
  maxFlightMs: 200,
};
const all = { endpoints: new Set([0, 1, 2]), types: new Set([0, 1]) };

describe('messagesInWindow', () => {
  it('takes messages in flight across the window, and undelivered ones sent inside it', () => {
    expect(messagesInWindow(table, { ...all, startMs: 200, endMs: 450 })).toEqual([1, 3]);
    expect(messagesInWindow(table, { ...all, startMs: 120, endMs: 160 })).toEqual([1, 2]);
    expect(messagesInWindow(table, { ...all, startMs: 600, endMs: 700 })).toEqual([]);
  });

  it('leaves out hidden types and messages touching a hidden column', () => {
    expect(messagesInWindow(table, { ...all, startMs: 0, endMs: 1000, types: new Set([0]) })).toEqual([0]);
    expect(messagesInWindow(table, { ...all, startMs: 0, endMs: 1000, endpoints: new Set([1, 2]) })).toEqual([
      1, 2, 3,
    ]);
  });
});
