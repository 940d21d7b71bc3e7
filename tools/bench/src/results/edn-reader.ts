/**
 * Reads enough EDN to take figures out of Maelstrom's results.edn: maps (→ objects keyed by the key's printed
 * form without a leading colon), vectors, lists and sets (→ arrays), strings, numbers, keywords (→ strings
 * without the colon), symbols, nil/true/false, and tagged values (`#tag value` → value; `#object[…]` → array).
 */
export function readEdn(text: string): unknown {
  const reader = new EdnReader(text);
  const value = reader.read();
  return value;
}

const DELIMITERS = new Set(['(', ')', '[', ']', '{', '}', '"', ';']);

class EdnReader {
  private at = 0;

  constructor(private readonly text: string) {}

  read(): unknown {
    this.skip();
    const c = this.text[this.at];
    if (c === undefined) throw new Error('EDN: unexpected end of input');
    if (c === '{') return this.map('}');
    if (c === '[' || c === '(') return this.seq(c === '[' ? ']' : ')');
    if (c === '"') return this.string();
    if (c === '#') {
      const next = this.text[this.at + 1];
      if (next === '{') {
        this.at++;
        return this.seq('}');
      }
      if (next === '_') {
        this.at += 2;
        this.read();
        return this.read();
      }
      this.at++;
      this.token();
      return this.read();
    }
    if (c === '\\') {
      this.at++;
      return this.token();
    }
    return this.atom(this.token());
  }

  private map(close: string): Record<string, unknown> {
    this.at++;
    const entries: Array<[string, unknown]> = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === close) {
        this.at++;
        // fromEntries keeps a key such as __proto__ (a kafka key, say) as data.
        return Object.fromEntries(entries);
      }
      const key = this.read();
      const value = this.read();
      entries.push([typeof key === 'string' ? key : JSON.stringify(key), value]);
    }
  }

  private seq(close: string): unknown[] {
    this.at++;
    const out: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === close) {
        this.at++;
        return out;
      }
      out.push(this.read());
    }
  }

  private string(): string {
    let out = '';
    this.at++;
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) throw new Error('EDN: unterminated string');
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.text[this.at++];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      } else out += c;
    }
  }

  private token(): string {
    const start = this.at;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (/\s|,/.test(c) || DELIMITERS.has(c)) break;
      this.at++;
    }
    return this.text.slice(start, this.at);
  }

  private atom(token: string): unknown {
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token.startsWith(':')) return token.slice(1);
    if (/^[-+]?\d+N?$/.test(token)) return Number(token.replace(/N$/, ''));
    if (/^[-+]?\d+\/\d+$/.test(token)) {
      const [n, d] = token.split('/').map(Number);
      return n / d;
    }
    if (/^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|##Inf|##NaN)M?$/.test(token)) return Number(token.replace(/M$/, ''));
    return token;
  }

  private skip(): void {
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === ';') {
        while (this.at < this.text.length && this.text[this.at] !== '\n') this.at++;
      } else if (/\s|,/.test(c)) this.at++;
      else return;
    }
  }
}
