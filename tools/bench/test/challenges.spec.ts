import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { challengesFor, loadChallenges, parseChallengeFile, selectRows } from '../src/challenges';

/** A throwaway repository root holding the given apps/<app>/challenges.json texts. */
function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'glomers-challenges-'));
  writeFileSync(join(root, 'nx.json'), '{}');
  for (const [app, text] of Object.entries(files)) {
    mkdirSync(join(root, 'apps', app), { recursive: true });
    writeFileSync(join(root, 'apps', app, 'challenges.json'), text);
  }
  return root;
}

const parse = (text: string) => () => parseChallengeFile(text, 'apps/x/challenges.json', 'x');
const row = (fields: Record<string, unknown>) => JSON.stringify({ rows: [fields] });

describe('apps/<app>/challenges.json', () => {
  it('gives each row its app, its options as words and its bounds', () => {
    const rows = parseChallengeFile(
      row({ challenge: '3d', args: ' -w broadcast  --rate 100 ', bounds: { serversMsgsPerOp: 30 } }),
      'f',
      'broadcast-3d',
    );
    expect(rows).toEqual([
      {
        challenge: '3d',
        app: 'broadcast-3d',
        args: ['-w', 'broadcast', '--rate', '100'],
        bounds: { serversMsgsPerOp: 30 },
      },
    ]);
  });

  it.each([
    ['not JSON', '{rows: []', /^apps\/x\/challenges\.json: not valid JSON/],
    ['no rows', '{}', /"rows" is a non-empty array/],
    ['empty rows', '{"rows": []}', /"rows" is a non-empty array/],
    [
      'an unknown top-level key',
      '{"rows": [{"challenge": "1", "args": "-w echo"}], "row": 1}',
      /unknown key "row"/,
    ],
    ['a row that is not an object', '{"rows": ["-w echo"]}', /rows\[0\]: must be an object/],
    ['a misspelt row key', row({ challenge: '1', arg: '-w echo' }), /rows\[0\]: unknown key "arg"/],
    ['a bad row name', row({ challenge: '3 d', args: '-w echo' }), /"challenge" must be a row name/],
    ['args as an array', row({ challenge: '1', args: ['-w', 'echo'] }), /"args" must be a string/],
    ['no workload', row({ challenge: '1', args: '--rate 10' }), /must name a workload/],
    ['--bin', row({ challenge: '1', args: '-w echo --bin x' }), /must not hold --bin/],
    ['non-ASCII options', row({ challenge: '1', args: '-w echo —rate 1' }), /printable ASCII only/],
    [
      'an unknown bound',
      row({ challenge: '1', args: '-w echo', bounds: { msgsPerOp: 1 } }),
      /unknown bound "msgsPerOp"/,
    ],
    [
      'a variant of a row the file lacks',
      row({ challenge: '1-partition', args: '-w echo', variantOf: '1' }),
      /rows\[0\]: "variantOf" "1" is not a row of this file without "variantOf"/,
    ],
    [
      'a variant of a variant',
      JSON.stringify({
        rows: [
          { challenge: '1', args: '-w echo' },
          { challenge: '1-a', args: '-w echo', variantOf: '1' },
          { challenge: '1-b', args: '-w echo', variantOf: '1-a' },
        ],
      }),
      /rows\[2\]: "variantOf" "1-a" is not a row/,
    ],
    [
      'a bound that is no number',
      row({ challenge: '1', args: '-w echo', bounds: { serversMsgsPerOp: '30' } }),
      /positive number/,
    ],
  ])('refuses %s, naming the file and the problem', (_case, text, message) => {
    expect(parse(text)).toThrow(message);
    expect(parse(text)).toThrow(/^apps\/x\/challenges\.json: /);
  });

  it('reads every app folder, in challenge order, and refuses a row name two apps share', () => {
    const root = repoWith({
      b: row({ challenge: '10', args: '-w echo' }),
      a: JSON.stringify({
        rows: [
          { challenge: '3d-partition', args: '-w echo' },
          { challenge: '3d', args: '-w echo' },
        ],
      }),
    });
    mkdirSync(join(root, 'apps', 'no-rows'));
    expect(loadChallenges(root).map((c) => `${c.app}:${c.challenge}`)).toEqual([
      'a:3d',
      'a:3d-partition',
      'b:10',
    ]);
    expect(challengesFor('no-rows', root)).toEqual([]);
    const clash = repoWith({
      a: row({ challenge: '1', args: '-w echo' }),
      b: row({ challenge: '1', args: '-w echo' }),
    });
    expect(() => loadChallenges(clash)).toThrow(
      'apps/b/challenges.json: row "1" is also a row of apps/a/challenges.json; row names are unique',
    );
  });

  it('keeps only the challenges’ own rows for the "official" selection', () => {
    const rows = parseChallengeFile(
      JSON.stringify({
        rows: [
          { challenge: '3d', args: '-w broadcast' },
          { challenge: '3d-partition', args: '-w broadcast --nemesis partition', variantOf: '3d' },
        ],
      }),
      'f',
      'broadcast-3d',
    );
    expect(rows[1].variantOf).toBe('3d');
    expect(selectRows(rows, 'all').map((r) => r.challenge)).toEqual(['3d', '3d-partition']);
    expect(selectRows(rows, 'official').map((r) => r.challenge)).toEqual(['3d']);
  });

  it('holds the repository’s own rows: every app under apps/ has some, fourteen of them official', () => {
    const rows = loadChallenges();
    expect(new Set(rows.map((c) => c.app)).size).toBe(14);
    expect(challengesFor('kafka-5c').map((c) => c.challenge)).toEqual(['5c', '5c-partition']);
    expect(selectRows(rows, 'official').map((c) => c.challenge)).toEqual([
      '1',
      '2',
      '3a',
      '3b',
      '3c',
      '3d',
      '3e',
      '4',
      '5a',
      '5b',
      '5c',
      '6a',
      '6b',
      '6c',
    ]);
  });
});
