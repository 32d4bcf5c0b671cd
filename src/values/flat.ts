import { floatLeaf, isFloatLeaf, type Leaf } from './types';

/**
 * Flattened values kept as columns: a million keys a file as bytes in a few large buffers and numbers in typed
 * arrays, not a million strings, map entries and boxed numbers. Both revisions of a file share one `KeyTable`, so
 * the head's keys are looked up in the base's, not kept twice.
 */

/** Keys' bytes live in chunks, each twice the last up to this size (a longer key gets a chunk of its own): growing
 * never copies them, and a small file's table stays small. */
const CHUNK = 1 << 20;
const FIRST_CHUNK = 1 << 8;
const EMPTY = Buffer.alloc(0);

/**
 * Interned keys, each an index. A key is stored as UTF-8 — WTF-8 for a lone surrogate, which a JSON `\ud800` escape
 * or YAML can put in a key — so comparing bytes orders keys by code point, as Python sorts them.
 */
export class KeyTable {
  private chunks: Buffer[] = [];
  private used = 0;
  /**
   * Four numbers a key, in one array (a table costs a few allocations: a report may diff a thousand small files):
   * its chunk, its start there, its length in bytes and its hash. First sizes of at most 64 bytes: V8 keeps typed
   * arrays that small in its heap, where larger ones each cost a native allocation and a sweep.
   */
  private entries = new Int32Array(4 * 4);
  /** Open addressing: key index + 1, 0 empty; kept at most half full. */
  private slots = new Int32Array(16);
  size = 0;
  /** Where `internString` encodes a key; made on first use. */
  private scratch = EMPTY;

  /** The index of the key in `bytes[start, end)`, added if new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === 0) {
        const index = this.add(bytes, start, length, h);
        this.slots[s] = index + 1;
        if (this.size * 2 > this.slots.length) this.rehash();
        return index;
      }
      const e = 4 * (slot - 1);
      if (this.entries[e + 3] === h && this.entries[e + 2] === length) {
        const chunk = this.chunks[this.entries[e]!]!;
        const at = this.entries[e + 1]!;
        let k = 0;
        while (k < length && chunk[at + k] === bytes[start + k]) k++;
        if (k === length) return slot - 1;
      }
    }
  }

  /** The index of a key given as a JavaScript string, added if new. */
  internString(key: string): number {
    if (this.scratch.length < key.length * 3) this.scratch = Buffer.allocUnsafe(Math.max(256, key.length * 3));
    return this.intern(this.scratch, 0, encodeWtf8(key, this.scratch));
  }

  /** Key `i` as a string. */
  key(i: number): string {
    const chunk = this.chunks[this.entries[4 * i]!]!;
    const start = this.entries[4 * i + 1]!;
    const end = start + this.entries[4 * i + 2]!;
    for (let k = start; k < end; k++) if (chunk[k]! >= 0x80) return decodeWtf8(chunk, start, end);
    return chunk.toString('latin1', start, end);
  }

  /** Byte order of keys `i` and `j`: code point order. */
  compare(i: number, j: number): number {
    const e = this.entries;
    const a = this.chunks[e[4 * i]!]!;
    const b = this.chunks[e[4 * j]!]!;
    const x = e[4 * i + 1]!;
    const y = e[4 * j + 1]!;
    const m = e[4 * i + 2]!;
    const n = e[4 * j + 2]!;
    const common = m < n ? m : n;
    for (let k = 0; k < common; k++) {
      const d = a[x + k]! - b[y + k]!;
      if (d !== 0) return d;
    }
    return m - n;
  }

  private add(bytes: Uint8Array, start: number, length: number, hash: number): number {
    const last = this.chunks.at(-1);
    if (!last || this.used + length > last.length) {
      // Small first chunks come from Node's shared pool; large ones are their own memory either way.
      this.chunks.push(Buffer.allocUnsafe(Math.max(last ? Math.min(CHUNK, last.length * 2) : FIRST_CHUNK, length)));
      this.used = 0;
    }
    const index = this.size++;
    if (4 * index === this.entries.length) this.entries = grown(this.entries);
    const chunk = this.chunks[this.chunks.length - 1]!;
    for (let k = 0, at = this.used; k < length; k++, at++) chunk[at] = bytes[start + k]!;
    const e = 4 * index;
    this.entries[e] = this.chunks.length - 1;
    this.entries[e + 1] = this.used;
    this.entries[e + 2] = length;
    this.entries[e + 3] = hash;
    this.used += length;
    return index;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let s = this.entries[4 * i + 3]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
  const next = new (array.constructor as new (n: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/** What a side holds for a key. */
export const Kind = {
  Absent: 0,
  /** The key was seen (a mapping, list or null: no metric), so a repeat of it is noticed. */
  Seen: 1,
  Int: 2,
  Float: 3,
  True: 4,
  False: 5,
  /** Anything else (strings, null params, a list's text): the leaf itself, in `boxed`. */
  Boxed: 6,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** One file's flattened values at one revision, by the indices of a `KeyTable`. */
export class FlatValues {
  kinds = new Uint8Array(8);
  /** 8 numbers: 64 bytes, in V8's heap (see KeyTable's entries). */
  numbers = new Float64Array(8);
  boxed = new Map<number, Leaf>();
  /** Keys with a value (not `Seen`). */
  count = 0;

  constructor(readonly table: KeyTable) {}

  /** Sets key `i` to a value of `kind` unless it was already set; false when it was. */
  setNew(i: number, kind: Kind, value = 0): boolean {
    if (i >= this.kinds.length) {
      while (i >= this.kinds.length) {
        this.kinds = grown(this.kinds);
        this.numbers = grown(this.numbers);
      }
    } else if (this.kinds[i] !== Kind.Absent) return false;
    this.kinds[i] = kind;
    this.numbers[i] = value;
    if (kind !== Kind.Seen) this.count++;
    return true;
  }

  setBoxed(i: number, leaf: Leaf): boolean {
    if (!this.setNew(i, Kind.Boxed)) return false;
    this.boxed.set(i, leaf);
    return true;
  }

  has(i: number): boolean {
    return i < this.kinds.length && this.kinds[i]! >= Kind.Int;
  }

  /** Key `i`'s value, undefined when this side has none. */
  leaf(i: number): Leaf | undefined {
    if (i >= this.kinds.length) return undefined;
    switch (this.kinds[i]) {
      case Kind.Int:
        return this.numbers[i]!;
      case Kind.Float:
        return floatLeaf(this.numbers[i]!);
      case Kind.True:
        return true;
      case Kind.False:
        return false;
      case Kind.Boxed:
        return this.boxed.get(i)!;
      default:
        return undefined;
    }
  }

  /** Every key with its value, in the order the keys were first seen. */
  toMap(): Map<string, Leaf> {
    const out = new Map<string, Leaf>();
    const n = Math.min(this.kinds.length, this.table.size);
    for (let i = 0; i < n; i++) if (this.has(i)) out.set(this.table.key(i), this.leaf(i)!);
    return out;
  }

  /** Values read as a map (another reader, another format) put in `table`. */
  static fromMap(values: Map<string, Leaf>, table: KeyTable): FlatValues {
    const flat = new FlatValues(table);
    for (const [key, leaf] of values) {
      const i = table.internString(key);
      if (typeof leaf === 'number' && Number.isFinite(leaf)) flat.setNew(i, Number.isInteger(leaf) ? Kind.Int : Kind.Float, leaf);
      else if (typeof leaf === 'boolean') flat.setNew(i, leaf ? Kind.True : Kind.False);
      else if (isFloatLeaf(leaf) && typeof leaf.float === 'number' && Number.isInteger(leaf.float)) flat.setNew(i, Kind.Float, leaf.float);
      else flat.setBoxed(i, leaf);
    }
    return flat;
  }
}

/** How many keys with a value a file's values hold, whichever form they are in. */
export function valueCount(values: FlatValues | Map<string, Leaf>): number {
  return values instanceof FlatValues ? values.count : values.size;
}

/** `s` as WTF-8 into `out` (at least 3 bytes per UTF-16 unit); returns the length. */
function encodeWtf8(s: string, out: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    let c = s.charCodeAt(k);
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      const next = s.charCodeAt(k + 1);
      if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        k++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
      } else out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

function decodeWtf8(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  for (let k = start; k < end;) {
    const b = bytes[k]!;
    let c: number;
    if (b < 0x80) c = bytes[k++]!;
    else if (b < 0xe0) {
      c = ((b & 0x1f) << 6) | (bytes[k + 1]! & 0x3f);
      k += 2;
    } else if (b < 0xf0) {
      c = ((b & 0x0f) << 12) | ((bytes[k + 1]! & 0x3f) << 6) | (bytes[k + 2]! & 0x3f);
      k += 3;
    } else {
      c = ((b & 0x07) << 18) | ((bytes[k + 1]! & 0x3f) << 12) | ((bytes[k + 2]! & 0x3f) << 6) | (bytes[k + 3]! & 0x3f);
      k += 4;
    }
    if (c >= 0x10000) units.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff));
    else units.push(c);
  }
  let out = '';
  // A few thousand at a time: one call with every unit of a long key would overflow the stack.
  for (let k = 0; k < units.length; k += 4096) out += String.fromCharCode.apply(null, units.slice(k, k + 4096));
  return out;
}
