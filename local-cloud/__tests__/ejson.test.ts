/**
 * The engine's EJSON: `encode` is bson's `EJSON.stringify(value, { relaxed: true })` byte for byte, and
 * `decode` gives what bson's `EJSON.parse(text, { relaxed: true })` gives (with server dates resolved),
 * through the native JSON functions where the value allows and through bson otherwise.
 */
import { clone, decode, decodeStored, EJSON, encode } from '../src/ejson';

const NOW = Date.UTC(2024, 2, 1, 8, 0, 0);

/** What the engine decoded before: bson's parse, then BSONRegExp → RegExp and server dates → Date. */
function reference(text: string, now?: number): unknown {
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (!value || typeof value !== 'object') return value;
    if ((value as { _bsontype?: string })._bsontype === 'BSONRegExp') {
      const { pattern, options } = value as unknown as { pattern: string; options: string };
      return new RegExp(pattern, options);
    }
    if (value.constructor !== Object) return value;
    const obj = value as Record<string, unknown>;
    if (now !== undefined && '$tcb_server_date' in obj) {
      const spec = obj.$tcb_server_date as { offset?: number };
      return new Date(now + Number(spec?.offset ?? 0));
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, revive(v)]));
  };
  return revive(EJSON.parse(text, { relaxed: true }));
}

const values: Array<[string, unknown]> = [
  ['plain', { a: 1, b: 'x', c: true, d: null, e: [1, 'two', { three: 3 }], f: { g: { h: [] } } }],
  ['numbers', { int: 42, neg: -7, big: 2 ** 53, frac: 0.1, tiny: 5e-324, zero: 0, negZero: -0 }],
  ['not finite', { nan: NaN, inf: Infinity, ninf: -Infinity, list: [NaN, 1] }],
  [
    'dates',
    {
      ms: new Date('2024-05-06T07:08:09.010Z'),
      whole: new Date('2024-05-06T07:08:09.000Z'),
      epoch: new Date(0),
      before: new Date(-1),
      far: new Date(253402318800001),
      invalid: new Date(NaN),
      nested: [{ at: new Date(1) }],
    },
  ],
  ['undefined', { gone: undefined, list: [undefined, 1], fn: () => 1 }],
  ['regexp (through bson)', { re: /^ab+c$/i, deep: { re: /x/ } }],
  ['text', { zh: '中文 ✓', quote: '"\\\n\t', emoji: '😀', control: '\u0001' }],
  ['dollar keys', { $inc: { 'c.a': 1 }, $set: { updatedAt: new Date(7) } }],
  ['top-level array', [1, { a: new Date(2) }]],
  ['top-level scalar', 'just a string'],
];

describe('encode', () => {
  test.each(values)('%s: the same text as EJSON.stringify (relaxed)', (_name, value) => {
    expect(encode(value)).toBe(EJSON.stringify(value, { relaxed: true }));
  });

  test('a null-prototype object is a plain object', () => {
    const value = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, at: new Date(3) });
    expect(encode(value)).toBe(EJSON.stringify({ a: 1, at: new Date(3) }, { relaxed: true }));
  });

  test('a class instance or Map goes through bson', () => {
    class Thing {
      x = 1;
    }
    const value = { t: new Thing(), m: new Map([['k', 1]]) };
    expect(encode(value)).toBe(EJSON.stringify(value, { relaxed: true }));
  });
});

describe('decode', () => {
  const texts: Array<[string, string]> = [
    [
      'canonical numbers',
      '{"a":{"$numberInt":"1"},"b":{"$numberDouble":"2.5"},"c":{"$numberLong":"9007199254740993"}}',
    ],
    [
      'number forms',
      '[{"$numberInt":"-0"},{"$numberInt":"2.5"},{"$numberInt":"007"},{"$numberInt":"+5"},{"$numberDouble":"1e400"},' +
        '{"$numberDouble":"-1.5E-3"},{"$numberDouble":"1.0"},{"$numberDouble":"0.1"},{"$numberInt":"2147483647"},' +
        '{"k":"{\\"$numberInt\\":\\"3\\"}"}]',
    ],
    ['special doubles', '{"n":{"$numberDouble":"NaN"},"i":{"$numberDouble":"-Infinity"},"z":{"$numberDouble":"-0.0"}}'],
    ['relaxed numbers', '{"a":1,"b":-2.5,"c":[1,2,3]}'],
    ['dates', '{"a":{"$date":{"$numberLong":"7"}},"b":{"$date":"2024-05-06T07:08:09.010Z"},"c":{"$date":1000}}'],
    ['update', '{"$inc":{"c.x":{"$numberInt":"1"}},"$set":{"updatedAt":{"$date":{"$numberLong":"1700000000000"}}}}'],
    ['query operators', '{"n":{"$in":[{"$numberInt":"1"},{"$numberInt":"2"}]},"s":{"$exists":true}}'],
    ['regular expression', '{"re":{"$regularExpression":{"pattern":"a.b","options":"i"}}}'],
    ['$regex', '{"f":{"$regex":"^x","$options":"i"}}'],
    ['objectid', '{"_id":{"$oid":"507f1f77bcf86cd799439011"}}'],
    ['undefined', '{"u":{"$undefined":true},"v":1}'],
    ['nested arrays', '[[{"$numberInt":"1"}],{"a":[{"$date":{"$numberLong":"5"}}]}]'],
    ['a mixed object', '{"$numberInt":"3","x":1}'],
    ['scalars', '"text"'],
  ];

  test.each(texts)('%s: what EJSON.parse (relaxed) gives', (_name, text) => {
    expect(decode(text, NOW)).toEqual(reference(text, NOW));
    expect(decodeStored(text)).toEqual(reference(text));
  });

  test('server dates resolve against the clock, with their offset; not in stored documents', () => {
    const text = '{"at":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"deep":[{"$tcb_server_date":{}}]}';
    expect(decode(text, NOW)).toEqual({ at: new Date(NOW + 1000), deep: [new Date(NOW)] });
    expect(decodeStored(text)).toEqual(reference(text));
  });

  test('a key with a NUL byte is refused, as bson refuses it', () => {
    expect(() => decode('{"a\\u0000b":1}', NOW)).toThrow(/null bytes/);
  });

  test('round trip: decode(encode(x)) keeps values and types', () => {
    const doc = { n: 1, d: new Date('2024-01-02T03:04:05.678Z'), s: 'x', l: [1, { y: null }], nan: NaN };
    expect(decodeStored(encode(doc))).toEqual(doc);
  });
});

describe('clone', () => {
  test('a deep copy: nothing shared, dates kept as dates', () => {
    const doc = { a: { b: [1, { c: new Date(5) }] }, re: /x/g };
    const copy = clone(doc);
    expect(copy).toEqual(doc);
    expect(copy.a).not.toBe(doc.a);
    expect(copy.a.b[1]).not.toBe(doc.a.b[1]);
    expect((copy.a.b[1] as { c: Date }).c).not.toBe((doc.a.b[1] as { c: Date }).c);
    // structuredClone's RegExp (jest runs tests in another realm, so no toBeInstanceOf).
    expect(Object.prototype.toString.call(copy.re)).toBe('[object RegExp]');
    expect([copy.re.source, copy.re.flags]).toEqual(['x', 'g']);
  });
});
