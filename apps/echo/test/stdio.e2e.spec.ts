import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Bundles the real echo app exactly as `nx build echo` does, into a scratch folder. */
function buildEcho(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'echo-app-')), 'main.js');
  execFileSync(
    'node',
    [join(root, 'tools/scripts/bundle-node.mjs'), join(root, 'apps/echo/src/main.ts'), out],
    { cwd: root },
  );
  return out;
}

describe('the built echo node over real pipes', () => {
  const bin = buildEcho();
  const run = (lines: string[]) =>
    spawnSync(bin, { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 20_000 });
  const init = '{"src":"c0","dest":"n1","body":{"type":"init","msg_id":1,"node_id":"n1","node_ids":["n1"]}}';
  const bodiesOf = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).body);

  it('prints only init_ok and echo_ok lines and exits 0 at end of input', () => {
    const result = run([
      init,
      '{"id":5,"src":"c1","dest":"n1","body":{"type":"echo","msg_id":2,"echo":"Please echo 9"}}',
    ]);
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { src: 'n1', dest: 'c0', body: { type: 'init_ok', in_reply_to: 1 } },
      { src: 'n1', dest: 'c1', body: { type: 'echo_ok', echo: 'Please echo 9', in_reply_to: 2 } },
    ]);
  });

  it('answers bad input with protocol errors on stdout, logs on stderr, and keeps serving', () => {
    const result = run([
      init,
      'not json at all',
      '{"src":"c1","dest":"n1","body":{"type":"echo","msg_id":3}}',
      '{"src":"c1","dest":"n1","body":{"type":"teleport","msg_id":4}}',
      '{"src":"c1","dest":"n1","body":{"type":"echo","msg_id":5,"echo":1}}',
    ]);
    expect(result.status).toBe(0);
    const bodies = bodiesOf(result.stdout);
    expect(bodies.map((b) => [b.type, b.in_reply_to, b.code])).toEqual([
      ['init_ok', 1, undefined],
      ['error', 3, 12],
      ['error', 4, 10],
      ['echo_ok', 5, undefined],
    ]);
    expect(result.stderr).toContain('not JSON');
  });

  it('drops a line longer than MAX_LINE_BYTES with a log line and answers the next one', () => {
    const huge = `{"src":"c1","dest":"n1","body":{"type":"echo","msg_id":2,"echo":"${'x'.repeat(10_000_000)}"}}`;
    const result = run([
      init,
      huge,
      '{"src":"c1","dest":"n1","body":{"type":"echo","msg_id":3,"echo":"after"}}',
    ]);
    expect(result.status).toBe(0);
    const bodies = bodiesOf(result.stdout);
    expect(bodies).toEqual([
      { type: 'init_ok', in_reply_to: 1 },
      { type: 'echo_ok', echo: 'after', in_reply_to: 3 },
    ]);
    expect(result.stderr).toContain(`dropped an input line of ${huge.length} bytes`);
  });

  it('answers an echo nested 4,500 levels deep with error 12 instead of crashing', () => {
    const deep = '['.repeat(4_500) + ']'.repeat(4_500);
    const result = run([
      init,
      `{"src":"c1","dest":"n1","body":{"type":"echo","msg_id":2,"echo":${deep}}}`,
      '{"src":"c1","dest":"n1","body":{"type":"echo","msg_id":3,"echo":"after"}}',
    ]);
    expect(result.status).toBe(0);
    const bodies = bodiesOf(result.stdout);
    expect(bodies.map((b) => [b.type, b.in_reply_to, b.code])).toEqual([
      ['init_ok', 1, undefined],
      ['error', 2, 12],
      ['echo_ok', 3, undefined],
    ]);
  });
});
