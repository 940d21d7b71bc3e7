import { fromWire, type AppendAckMessage, type AppendMessage } from './messages';
import { observeTerm, type ReplicaState } from './replica-state';

/**
 * Follower side of an append: accepts entries only contiguously after a prefix that matches the leader's
 * (same index, same term), so a gap or a divergent suffix is detected and answered with a `hint` where the leader
 * should resume. Duplicated or reordered appends of the current term are harmless: a matching entry is never
 * rewritten and the verified prefix only grows.
 */
export function handleAppend(
  state: ReplicaState,
  leader: string,
  message: AppendMessage,
): { state: ReplicaState; ack: AppendAckMessage } {
  const reject = (current: ReplicaState, hint: number) => ({
    state: current,
    ack: ack(current, message.seq, false, hint),
  });
  if (message.term < state.term) return reject(state, 0);
  if (message.term === state.term && state.role === 'leader') return reject(state, 0);
  let next = observeTerm(state, message.term, leader);
  const { from, prevTerm } = message;
  if (from > next.entries.length) return reject(next, next.entries.length);
  if (from > 0 && next.entries.termBefore(from) !== prevTerm)
    return reject(next, Math.min(next.matchedUpTo, from - 1));

  let entries = next.entries;
  for (let i = 0; i < message.entries.length; i++) {
    const index = from + i;
    const incoming = fromWire(message.entries[i]);
    if (index < entries.length) {
      if (entries.at(index).term === incoming.term) continue;
      // A conflict inside the verified prefix would mean two leaders in one term: refuse rather than rewrite.
      if (index < next.matchedUpTo) return reject(next, next.matchedUpTo);
      entries = entries.truncate(index);
    }
    entries = entries.append(message.entries.slice(i).map(fromWire));
    break;
  }
  const matchedUpTo = Math.max(next.matchedUpTo, from + message.entries.length);
  // Every other node holds the leader's log below `heldElsewhere`; once this one holds it too, it is committed.
  const commitIndex = Math.max(next.commitIndex, Math.min(message.heldElsewhere, matchedUpTo));
  next = { ...next, entries, matchedUpTo, commitIndex };
  return { state: next, ack: ack(next, message.seq, true, matchedUpTo) };
}

function ack(state: ReplicaState, seq: number, ok: boolean, hint: number): AppendAckMessage {
  return { type: 'rl_append_ack', term: state.term, seq, ok, matchIndex: ok ? state.matchedUpTo : 0, hint };
}
