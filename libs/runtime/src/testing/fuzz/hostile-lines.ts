import fc from 'fast-check';

/** What the generated lines aim at: the node's id and the request types and body fields its program reads. */
export interface HostileTarget {
  readonly nodeId: string;
  readonly types: readonly string[];
  readonly fields: readonly string[];
}

/** Senders of hostile lines: clients, other nodes (peers or not), services, and ids no one should use. */
export const HOSTILE_SENDERS = [
  'c0',
  'c1',
  'c9',
  'n0',
  'n1',
  'n7',
  'seq-kv',
  'lin-kv',
  '',
  '__proto__',
  'toString',
];

const SERVICES = ['seq-kv', 'lin-kv'];

/** Keys that name members of Object.prototype, or are otherwise awkward as object keys. */
export const AWKWARD_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  '0',
  '-1',
];

/** Number literals JavaScript cannot hold exactly, or that sit on an edge. */
export const AWKWARD_NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '4.0',
  '1E2',
  '1.5',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '1e308',
  '1e400',
  '-1e400',
  '5e-324',
  '1e-400',
  '4294967296',
];

const stringText = fc
  .oneof(
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(...AWKWARD_KEYS),
  )
  .map((s) => JSON.stringify(s));

const numberText = fc.oneof(
  fc.constantFrom(...AWKWARD_NUMBERS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
);

const keyText = fc
  .oneof(fc.constantFrom(...AWKWARD_KEYS), fc.string({ maxLength: 5 }))
  .map((k) => JSON.stringify(k));

/** JSON text (not values: a value cannot carry `-0`, big integer digits or an own `__proto__` key through JSON.stringify). */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      numberText,
      stringText,
      fc.constantFrom('null', 'true', 'false'),
      tie('array'),
      tie('object'),
    ),
    array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    object: fc
      .array(fc.tuple(keyText, tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  }),
).value;

/** Nesting from a few hundred to 20,000 levels, as arrays or objects. */
export const deepText = fc
  .tuple(fc.integer({ min: 200, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** Strings up to 300,000 characters and number literals up to 5,000 digits. */
export const hugeText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 10_000, max: 300_000 }), fc.constantFrom('x', 'é', '😀', '"', '\\n'))
    .map(([n, c]) => JSON.stringify(c.repeat(Math.ceil(n / c.length)))),
  fc.integer({ min: 20, max: 5_000 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 20, max: 5_000 }).map((n) => `0.${'1'.repeat(n)}e-${n}`),
);

/** A value for a body field: well-formed JSON of the wrong shape, awkward numbers, deep nesting or huge text. */
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: jsonText },
  { weight: 1, arbitrary: deepText },
  { weight: 1, arbitrary: hugeText },
);

const msgIdText = fc.oneof(
  fc.nat(50).map(String),
  fc.constantFrom(...AWKWARD_NUMBERS),
  fc.constantFrom('"7"', 'null', 'true', '[1]', '{}'),
);

function messageLine(src: string, dest: string, bodyFields: readonly string[]): string {
  return `{"src":${src},"dest":${JSON.stringify(dest)},"body":{${bodyFields.join(',')}}}`;
}

/**
 * Lines a hostile or broken peer might write to a node: garbage text, messages of its request types with fields of
 * the wrong type, awkward keys and numbers, deep nesting, huge strings and numbers, bad envelopes, and replies to
 * msg_ids the node never used.
 */
export function hostileLines(target: HostileTarget): fc.Arbitrary<string> {
  const sender = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_SENDERS).map((s) => JSON.stringify(s)) },
    { weight: 1, arbitrary: jsonText },
  );
  const type = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...target.types) },
    { weight: 1, arbitrary: fc.constantFrom('init', 'error', 'read_ok', '', '__proto__', 'toString') },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const field = fc.tuple(fc.constantFrom(...target.fields, ...AWKWARD_KEYS), fieldValue);
  const request = fc
    .record({
      src: sender,
      type,
      msgId: fc.option(msgIdText, { freq: 5 }),
      fields: fc.array(field, { maxLength: 4 }),
    })
    .map(({ src, type: t, msgId, fields }) =>
      messageLine(src, target.nodeId, [
        `"type":${JSON.stringify(t)}`,
        ...(msgId === null ? [] : [`"msg_id":${msgId}`]),
        ...fields.map(([name, value]) => `${JSON.stringify(name)}:${value}`),
      ]),
    );
  const replyTo = (senders: readonly string[], inReplyTo: fc.Arbitrary<string>) =>
    fc
      .record({
        src: fc.constantFrom(...senders),
        type: fc.constantFrom('read_ok', 'cas_ok', 'write_ok', 'error', 'init_ok', 'send_ok'),
        inReplyTo,
        fields: fc.array(field, { maxLength: 3 }),
      })
      .map(({ src, type: t, inReplyTo: id, fields }) =>
        messageLine(JSON.stringify(src), target.nodeId, [
          `"type":${JSON.stringify(t)}`,
          `"in_reply_to":${id}`,
          ...fields.map(([name, value]) => `${JSON.stringify(name)}:${value}`),
        ]),
      );
  const unknownMsgId = fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }).map(String);
  // A service's reply is believed (services are trusted), so forged ones name only msg_ids the node never used;
  // anyone else may name any msg_id: the node must ignore replies from a sender it did not ask.
  const reply = fc.oneof(
    replyTo(
      HOSTILE_SENDERS.filter((s) => !SERVICES.includes(s)),
      fc.oneof(unknownMsgId, msgIdText),
    ),
    replyTo(SERVICES, unknownMsgId),
  );
  const envelope = fc
    .tuple(fc.array(fc.tuple(keyText, fieldValue), { maxLength: 5 }), fc.constantFrom('{', '['))
    .map(([entries, open]) =>
      open === '{'
        ? `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`
        : `[${entries.map(([, v]) => v).join(',')}]`,
    );
  const garbage = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', ' ', '{', '}', 'null', '[]', '{}', '"', '\u0000', '{"src":', '\r', '\t{}'),
    fieldValue,
  );
  return fc.oneof(
    { weight: 8, arbitrary: request },
    { weight: 2, arbitrary: reply },
    { weight: 2, arbitrary: envelope },
    { weight: 2, arbitrary: garbage },
  );
}
