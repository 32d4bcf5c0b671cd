import { pyRepr } from './format';
import { PyCollection, PyFloat, type Raw } from './value';

/** Python's hash modulus for numbers, 2^61 - 1 (sys.hash_info.modulus). */
const MODULUS = (1n << 61n) - 1n;
/** CPython's setobject.c: the smallest table, the slots probed in a row before jumping, the shift of the jump. */
const MIN_SIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;

/**
 * The items of a Python set in the order Python iterates it, which is the order DVC prints it in (`str(set)` in
 * `dvc params diff`) and ruamel writes it in dvc.lock: by hash, as CPython's table places each item inserted in turn
 * (parse_py's `set(values)`, in the order the file wrote them). Numbers, booleans and tuples of them have fixed hashes,
 * so their order is Python's; where two hashes collide the first inserted comes first, so an equal set written in
 * another order may print differently (`{1, 9}`, `{9, 1}`), as in DVC: compare sets with `pyEqual`/`pyEqualityKey`,
 * never by their text. A string's hash changes from one Python process to the next (PYTHONHASHSEED), so DVC's own
 * order for a set holding one does too: such a set is sorted by each item's repr instead, one order whatever order the
 * file wrote. `mapping`: the set YAML's `!!set` makes, which ruamel's safe loader fills from a mapping of the items at
 * once (`set().update(mapping)`), sizing the table first.
 */
export function pySetOrder(items: Raw[], from: 'items' | 'mapping' = 'items'): Raw[] {
  const hashes: bigint[] = [];
  for (const item of items) {
    const hash = numberHash(item);
    if (hash === null) return byRepr(items);
    hashes.push(BigInt.asUintN(64, hash));
  }
  // set_update_internal, given a dict: one resize first when its keys would fill the empty table to 3/5.
  const presized = from === 'mapping' && items.length * 5 >= (MIN_SIZE - 1) * 3;
  let table: (number | undefined)[] = new Array<number | undefined>(presized ? tableSize(items.length * 2) : MIN_SIZE);
  let used = 0;
  hashes.forEach((hash, i) => {
    let mask = table.length - 1;
    table[freeSlot(table, mask, hash)] = i;
    used++;
    // set_add_entry: a table filled to 3/5 is rebuilt bigger than 4 times (past 50,000 items 2 times) the items it
    // holds, its items inserted again in table order.
    if (used * 5 >= mask * 3) {
      const size = tableSize(used * (used > 50_000 ? 2 : 4));
      const old = table;
      table = new Array<number | undefined>(size);
      mask = size - 1;
      for (const j of old) if (j !== undefined) table[freeSlot(table, mask, hashes[j]!)] = j;
    }
  });
  return table.filter((j) => j !== undefined).map((j) => items[j]!);
}

function byRepr(items: Raw[]): Raw[] {
  const keyed = items.map((item) => [pyRepr(item), item] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, item]) => item);
}

/** set_table_resize's size for `minUsed` items: the smallest power of two above it, at least 8. */
function tableSize(minUsed: number): number {
  let size = MIN_SIZE;
  while (size <= minUsed) size *= 2;
  return size;
}

/** CPython's probe sequence for a hash: up to LINEAR_PROBES slots after the first, then a jump stirred by `perturb`. */
function freeSlot(table: (number | undefined)[], mask: number, hash: bigint): number {
  let perturb = hash;
  let i = Number(hash & BigInt(mask));
  for (;;) {
    const last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
    for (let j = i; j <= last; j++) if (table[j] === undefined) return j;
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/** tuplehash's xxHash primes (Objects/tupleobject.c, 64-bit). */
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/**
 * Python's hash of an int, a float, a bool, or a tuple of them (the numeric hash: the value mod 2^61 - 1; a tuple's
 * is xxHash over its items' hashes); null for anything else.
 */
function numberHash(value: Raw): bigint | null {
  if (value instanceof PyCollection && value.kind === 'tuple') {
    let acc = XXPRIME_5;
    for (const item of value.items) {
      const lane = numberHash(item);
      if (lane === null) return null;
      acc = BigInt.asUintN(64, acc + BigInt.asUintN(64, lane) * XXPRIME_2);
      acc = BigInt.asUintN(64, (acc << 31n) | (acc >> 33n));
      acc = BigInt.asUintN(64, acc * XXPRIME_1);
    }
    acc = BigInt.asUintN(64, acc + (BigInt(value.items.length) ^ (XXPRIME_5 ^ 3527539n)));
    return acc === (1n << 64n) - 1n ? 1546275796n : BigInt.asIntN(64, acc);
  }
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'bigint') return signedHash(value < 0n, value < 0n ? -value : value, 0n);
  const n = value instanceof PyFloat ? value.value : typeof value === 'number' ? value : null;
  if (n === null || Number.isNaN(n)) return null;
  if (!Number.isFinite(n)) return n > 0 ? 314159n : -314159n;
  if (Number.isInteger(n)) return signedHash(n < 0, BigInt(Math.abs(n)), 0n);
  // A finite double is m / 2^k exactly: its bits give m (with the implicit leading 1 when normal) and k.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(n));
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = exponent ? fraction | (1n << 52n) : fraction;
  return signedHash(n < 0, m, BigInt(exponent ? 1075 - exponent : 1074));
}

/** hash(±m / 2^k): m times the inverse of 2^k mod 2^61 - 1 (2^61 ≡ 1, so 2^-k ≡ 2^(61 - k mod 61)); -1 is -2. */
function signedHash(negative: boolean, m: bigint, k: bigint): bigint {
  const h = ((m % MODULUS) * (1n << ((61n - (k % 61n)) % 61n))) % MODULUS;
  const signed = negative ? -h : h;
  return signed === -1n ? -2n : signed;
}
