import { TXN_OPTIONS, TXN_DEFAULTS, TxnProgram } from '@glomers/node-txn';
import { NODE_PROGRAM, startApp } from '@glomers/runtime';
import { createContainer } from './container';

it('txn-6a runs the txn program with the transaction challenges’ options', () => {
  const { container } = startApp(createContainer);
  expect(container.get(NODE_PROGRAM)).toBeInstanceOf(TxnProgram);
  expect(container.get(TXN_OPTIONS)).toBe(TXN_DEFAULTS);
});
