import { keepSourceText } from '@glomers/sim';
import { exactField, exactKey } from '../src/lib/number-text';

/** A reply body as the bench reads it from a node's output line. */
function fromLine(line: string): Record<string, unknown> & { type: string } {
  const body = (JSON.parse(line) as { body: Record<string, unknown> & { type: string } }).body;
  keepSourceText(body, line);
  return body;
}

const reply = (id: string) =>
  fromLine(`{"src":"n0","dest":"c1","body":{"type":"generate_ok","in_reply_to":1,"id":${id}}}`);

describe('exactField', () => {
  it('keeps as text a number JSON.parse would blur, and leaves the rest as parsed', () => {
    expect(exactField(reply('4.0'), 'id')).toEqual({ 'number-text': '4.0' });
    expect(exactField(reply('1E2'), 'id')).toEqual({ 'number-text': '1E2' });
    expect(exactField(reply('9007199254740993'), 'id')).toEqual({ 'number-text': '9007199254740993' });
    expect(exactField(reply('4'), 'id')).toBe(4);
    expect(exactField(reply('0.5'), 'id')).toBe(0.5);
    expect(exactField(reply('"4.0"'), 'id')).toBe('4.0');
    expect(exactField({ type: 'generate_ok', id: 4 }, 'id')).toBe(4);
  });

  it('keys numbers as Maelstrom compares them: integers exactly, floats as doubles, never one equal to the other', () => {
    const key = (id: string) => exactKey(exactField(reply(id), 'id'));
    expect(key('4')).not.toBe(key('4.0'));
    expect(key('4.0')).toBe(key('4.00'));
    expect(key('9007199254740993')).not.toBe(key('9007199254740992'));
    expect(key('1e2')).toBe(key('100.0'));
  });
});
