import { LineSplitter, MAX_LINE_BYTES } from './line-splitter';

function splitter(maxBytes?: number) {
  const lines: string[] = [];
  const overlong: number[] = [];
  const split = new LineSplitter(
    (line) => lines.push(line),
    (bytes) => overlong.push(bytes),
    maxBytes,
  );
  return { split, lines, overlong };
}

describe('LineSplitter', () => {
  it('splits lines however the chunks fall, including inside a multi-byte character', () => {
    const { split, lines } = splitter();
    const text = Buffer.from('{"a":"é€😀"}\n\n{"b":2}\nlast');
    for (let i = 0; i < text.length; i += 3) split.push(text.subarray(i, i + 3));
    split.end();
    expect(lines).toEqual(['{"a":"é€😀"}', '', '{"b":2}', 'last']);
  });

  it('keeps a line of exactly the limit and drops a longer one, then serves the next line', () => {
    const { split, lines, overlong } = splitter(10);
    split.push(Buffer.from('0123456789\n0123456789X\nnext\n'));
    expect(lines).toEqual(['0123456789', 'next']);
    expect(overlong).toEqual([11]);
  });

  it('drops a line far beyond the limit as it streams in, counting its bytes', () => {
    const { split, lines, overlong } = splitter();
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const chunks = Math.ceil((20 * 1024 * 1024) / chunk.length);
    for (let i = 0; i < chunks; i++) split.push(chunk);
    split.push(Buffer.from('\n{"ok":true}\n'));
    expect(overlong).toEqual([chunks * chunk.length]);
    expect(lines).toEqual(['{"ok":true}']);
    expect(MAX_LINE_BYTES).toBeLessThan(chunks * chunk.length);
  });

  it('reports an overlong last line that never ended', () => {
    const { split, lines, overlong } = splitter(4);
    split.push(Buffer.from('ok\n123456'));
    split.end();
    expect(lines).toEqual(['ok']);
    expect(overlong).toEqual([6]);
  });
});
