import { isUtf8 } from 'node:buffer';
import { MAX_DEPTH } from '../dvc/formats/json';
import { FlatValues, Kind, type KeyTable } from './flat';
import { MAX_VALUES } from './flatten';

/** The file needs the general reader (`parseJson` + `flattenMetrics`), which says what is wrong and where. */
class NeedsGeneralReader extends Error {}
const GENERAL = new NeedsGeneralReader('left to the general reader');
const bail = (): never => {
  throw GENERAL;
};

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const TWO_53 = 2 ** 53;

/**
 * A metrics JSON file flattened as it is scanned, straight from its bytes into `table` and columns: no parse tree,
 * no string for the file's text, no string per key. The same values as `flattenMetrics(parseJson(text).data)`,
 * which the tests check on random documents; for anything that path would treat specially — not UTF-8, no mapping
 * at the top, a syntax error, a repeated key or a flattened key met twice (last one wins, with a warning), too
 * many values or too deep — this returns null and the caller takes that path, whose errors and warnings name the
 * line and column. Keys put in `table` by a file that then returns null stay there, without values.
 */
export function flattenJsonMetrics(bytes: Buffer, table: KeyTable): FlatValues | null {
  if (!isUtf8(bytes)) return null;
  try {
    return new MetricsScanner(bytes, table).run();
  } catch (error) {
    if (error === GENERAL) return null;
    throw error;
  }
}

class MetricsScanner {
  private i = 0;
  private readonly n: number;
  /** The flattened key being built: the parents' keys, each followed by `.`, then the member's own. */
  private key = Buffer.allocUnsafe(256);
  private keyLength = 0;
  private readonly values: FlatValues;

  constructor(
    private readonly b: Buffer,
    private readonly table: KeyTable,
  ) {
    this.n = b.length;
    this.values = new FlatValues(table);
  }

  run(): FlatValues {
    const b = this.b;
    // The decoder DVC's text mode uses drops a byte order mark.
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.i = 3;
    this.ws();
    if (b[this.i] !== 0x7b) bail();
    this.object(1);
    this.ws();
    if (this.i !== this.n) bail();
    return this.values;
  }

  private ws(): void {
    const b = this.b;
    let i = this.i;
    for (;;) {
      const c = b[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /** A mapping whose members' keys start with `key[0, keyLength)`. */
  private object(depth: number): void {
    if (!this.opened(depth, 0x7d)) return;
    const b = this.b;
    const values = this.values;
    const prefix = this.keyLength;
    do {
      this.ws();
      if (b[this.i] !== 0x22) bail();
      this.keyLength = prefix;
      this.readKey();
      this.colon();
      const index = this.table.intern(this.key, 0, this.keyLength);
      const c = b[this.i];
      if (c === 0x7b) {
        if (!values.setNew(index, Kind.Seen)) bail();
        this.append(0x2e);
        this.object(depth + 1);
      } else if (c === 0x5b) {
        if (!values.setNew(index, Kind.Seen)) bail();
        this.array(depth + 1);
      } else if (c === 0x22) {
        this.full();
        if (!values.setBoxed(index, this.string())) bail();
      } else if (c === 0x6e) {
        this.literal('null');
        if (!values.setNew(index, Kind.Seen)) bail();
      } else {
        this.full();
        if (!this.scalar(index)) bail();
      }
    } while (this.more(0x7d));
    this.keyLength = prefix;
  }

  /**
   * Steps into the mapping or list at `i` (`close` is its closing byte); false when it is empty, which is then
   * passed. Too deep a document is the general reader's.
   */
  private opened(depth: number, close: number): boolean {
    if (depth >= MAX_DEPTH) bail();
    this.i++;
    this.ws();
    if (this.b[this.i] !== close) return true;
    this.i++;
    return false;
  }

  /** After a member or item: true at `,` (another follows), false at `close` (the container ends), passing either. */
  private more(close: number): boolean {
    this.ws();
    const next = this.b[this.i];
    this.i++;
    if (next === close) return false;
    if (next !== 0x2c) bail();
    return true;
  }

  /** The `:` after a member's key, and the space around it. */
  private colon(): void {
    this.ws();
    if (this.b[this.i] !== 0x3a) bail();
    this.i++;
    this.ws();
  }

  private full(): void {
    if (this.values.count >= MAX_VALUES) bail();
  }

  /** true, false, a number, NaN or ±Infinity for key `index`; false when the key was already set. */
  private scalar(index: number): boolean {
    const c = this.b[this.i];
    if (c === 0x74) {
      this.literal('true');
      return this.values.setNew(index, Kind.True);
    }
    if (c === 0x66) {
      this.literal('false');
      return this.values.setNew(index, Kind.False);
    }
    if (c === 0x4e) {
      this.literal('NaN');
      return this.values.setNew(index, Kind.Float, NaN);
    }
    if (c === 0x49) {
      this.literal('Infinity');
      return this.values.setNew(index, Kind.Float, Infinity);
    }
    if (c === 0x2d && this.b[this.i + 1] === 0x49) {
      this.i++;
      this.literal('Infinity');
      return this.values.setNew(index, Kind.Float, -Infinity);
    }
    const isFloat = this.number();
    if (this.bigInt !== null) return this.values.setBoxed(index, { int: this.bigInt });
    return this.values.setNew(index, isFloat ? Kind.Float : Kind.Int, this.numberValue);
  }

  private numberValue = 0;
  /** The digits of the int `number` last read when a double cannot hold it exactly (beyond ±2^53), else null. */
  private bigInt: string | null = null;

  /**
   * A number as JSON writes it, its value in `numberValue`; true when written as a float (`.` or exponent).
   * Up to 2^53 in its digits and 10^±22 it is computed exactly (one correctly rounded operation on exact
   * doubles); otherwise the engine reads its text.
   */
  private number(): boolean {
    const b = this.b;
    const start = this.i;
    let i = start;
    const negative = b[i] === 0x2d;
    if (negative) i++;
    let w = 0;
    let c = b[i]!;
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) {
      do {
        w = w * 10 + (c - 0x30);
        c = b[++i]!;
      } while (c >= 0x30 && c <= 0x39);
    } else bail();
    let e10 = 0;
    let isFloat = false;
    if (b[i] === 0x2e) {
      isFloat = true;
      c = b[++i]!;
      if (!(c >= 0x30 && c <= 0x39)) bail();
      do {
        w = w * 10 + (c - 0x30);
        e10--;
        c = b[++i]!;
      } while (c >= 0x30 && c <= 0x39);
    }
    c = b[i]!;
    if (c === 0x65 || c === 0x45) {
      isFloat = true;
      c = b[++i]!;
      let sign = 1;
      if (c === 0x2b || c === 0x2d) {
        if (c === 0x2d) sign = -1;
        c = b[++i]!;
      }
      if (!(c >= 0x30 && c <= 0x39)) bail();
      let exponent = 0;
      do {
        if (exponent < 100000) exponent = exponent * 10 + (c - 0x30);
        c = b[++i]!;
      } while (c >= 0x30 && c <= 0x39);
      e10 += sign * exponent;
    }
    this.i = i;
    this.bigInt = null;
    let v: number;
    if (w < TWO_53 && e10 >= -22 && e10 <= 22) v = e10 === 0 ? w : e10 > 0 ? w * POW10[e10]! : w / POW10[-e10]!;
    else return this.slowNumber(start, isFloat);
    this.numberValue = negative ? -v : v;
    return isFloat;
  }

  private slowNumber(start: number, isFloat: boolean): boolean {
    const text = this.b.toString('latin1', start, this.i);
    this.numberValue = Number(text);
    // Python's json keeps every int exact; `-0` is 0 and a safe int a number, as the general reader has them.
    if (!isFloat && !Number.isSafeInteger(this.numberValue)) this.bigInt = BigInt(text).toString();
    return isFloat;
  }

  private literal(word: string): void {
    const b = this.b;
    for (let k = 0; k < word.length; k++) if (b[this.i + k] !== word.charCodeAt(k)) bail();
    this.i += word.length;
  }

  /** Whether the string `stringEnd` last found holds an escape. */
  private escaped = false;

  /** The end of the string starting at `i` (its closing quote); `escaped` says whether it holds an escape. */
  private stringEnd(): number {
    const b = this.b;
    const n = this.n;
    let i = this.i + 1;
    let escaped = false;
    for (;;) {
      if (i >= n) bail();
      const c = b[i]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        i += 2;
      } else if (c < 0x20) bail();
      else i++;
    }
    this.escaped = escaped;
    return i;
  }

  private string(): string {
    const start = this.i;
    const end = this.stringEnd();
    this.i = end + 1;
    return this.escaped ? decodeJsonString(this.b.toString('utf8', start, end + 1)) : this.b.toString('utf8', start + 1, end);
  }

  /** The member's key, appended to `key`. */
  private readKey(): void {
    const start = this.i + 1;
    const end = this.stringEnd();
    this.i = end + 1;
    if (!this.escaped) {
      this.reserve(end - start);
      // A key is a few bytes: a loop costs less than a call to Buffer's copy.
      const { b, key } = this;
      for (let k = start, at = this.keyLength; k < end; k++, at++) key[at] = b[k]!;
      this.keyLength += end - start;
      return;
    }
    const text = decodeJsonString(this.b.toString('utf8', start - 1, end + 1));
    const encoded = Buffer.from(text, 'utf8');
    // A lone surrogate (`"\ud800"`) does not survive UTF-8; the general reader keeps it.
    if (encoded.toString('utf8') !== text) bail();
    this.reserve(encoded.length);
    encoded.copy(this.key, this.keyLength);
    this.keyLength += encoded.length;
  }

  private append(byte: number): void {
    this.reserve(1);
    this.key[this.keyLength++] = byte;
  }

  private reserve(more: number): void {
    if (this.keyLength + more <= this.key.length) return;
    const key = Buffer.allocUnsafe(Math.max(this.key.length * 2, this.keyLength + more));
    this.key.copy(key, 0, 0, this.keyLength);
    this.key = key;
  }

  /** A list: metrics leave lists out, so it is only checked. */
  private array(depth: number): void {
    if (!this.opened(depth, 0x5d)) return;
    do {
      this.ws();
      this.skipValue(depth + 1);
    } while (this.more(0x5d));
  }

  private skipValue(depth: number): void {
    const c = this.b[this.i];
    if (c === 0x7b) this.skipObject(depth);
    else if (c === 0x5b) this.array(depth);
    else if (c === 0x22) {
      this.i = this.stringEnd() + 1;
    } else if (c === 0x6e) this.literal('null');
    else if (c === 0x74) this.literal('true');
    else if (c === 0x66) this.literal('false');
    else if (c === 0x4e) this.literal('NaN');
    else if (c === 0x49) this.literal('Infinity');
    else if (c === 0x2d && this.b[this.i + 1] === 0x49) {
      this.i++;
      this.literal('Infinity');
    } else this.number();
  }

  /** A mapping inside a list: checked, and a repeated key sends the file to the general reader for its warning. */
  private skipObject(depth: number): void {
    if (!this.opened(depth, 0x7d)) return;
    const keys = new Set<string>();
    do {
      this.ws();
      if (this.b[this.i] !== 0x22) bail();
      const key = this.string();
      if (keys.has(key)) bail();
      keys.add(key);
      this.colon();
      this.skipValue(depth + 1);
    } while (this.more(0x7d));
  }
}

/** A JSON string literal with escapes, as the general reader decodes it; an invalid escape sends the file there. */
function decodeJsonString(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return bail();
  }
}
