/** Text is handed on in pieces of about this many characters, joined as they fill. */
const PIECE = 64 * 1024;
/**
 * Objects from this depth (its indent) down are written by JSON.stringify on one line each: a report's rows
 * (report → metrics → file → rows → row), history entries, gate rules. Natively, and without indenting, it is much
 * faster than this walk and makes a tenth of the garbage; a row a line also reads and greps well. Lists above it
 * are walked here, item by item, so a file of a million rows is written while it is made.
 */
const ONE_LINE_INDENT = 2 * 3;

/**
 * Hands `emit` the JSON text of `value` in pieces of about 64 KiB as it is made, so a large report is written while
 * it is made and never held whole: indented as `JSON.stringify(value, null, 2)` down to the depth of a report's rows,
 * each value from there down on one line. It reads back as `JSON.parse(JSON.stringify(value))`. Pieces stay one-byte
 * strings where they can: one non-Latin-1 character in a single string would make all of it two bytes a character.
 * Throws what `JSON.stringify` throws (a BigInt); the value must not contain itself.
 */
export function writeJson(value: unknown, emit: (piece: string) => void): void {
  // One string, appended to and handed on when it fills: V8 joins the appends once, when `emit` reads it.
  let text = '';

  const member = (item: unknown, indent: string): void => {
    if (oneLine(item, indent)) text += JSON.stringify(item);
    else if (Array.isArray(item)) list(item, indent);
    else record(item as Record<string, unknown>, indent);
    if (text.length >= PIECE) {
      emit(text);
      text = '';
    }
  };

  const list = (items: unknown[], indent: string): void => {
    if (!items.length) {
      text += '[]';
      return;
    }
    const inner = `${indent}  `;
    const between = `,\n${inner}`;
    text += `[\n${inner}`;
    if (inner.length >= ONE_LINE_INDENT + 2) {
      // The rows: a line each, a piece's worth at a time.
      for (let from = 0; from < items.length; from += LINES) {
        if (from) text += between;
        text += lines(items, from, Math.min(items.length, from + LINES), between);
        if (text.length >= PIECE) {
          emit(text);
          text = '';
        }
      }
    } else {
      for (let i = 0; i < items.length; i++) {
        if (i) text += between;
        const item = jsonValue(items[i], i);
        if (omitted(item)) text += 'null';
        else member(item, inner);
      }
    }
    text += `\n${indent}]`;
  };

  const record = (value: Record<string, unknown>, indent: string): void => {
    const inner = `${indent}  `;
    const names = Object.keys(value);
    let first = true;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const item = jsonValue(value[name], name);
      if (omitted(item)) continue;
      text += `${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `;
      first = false;
      member(item, inner);
    }
    text += first ? '{}' : `\n${indent}}`;
  };

  const top = jsonValue(value, '');
  if (omitted(top)) return;
  member(top, '');
  if (text) emit(text);
}

/**
 * Whether JSON.stringify writes the value where it stands: primitives (a BigInt: its TypeError), boxed primitives,
 * objects from the rows' depth down and lists below it (a list at that depth is walked: it is the rows).
 */
function oneLine(value: unknown, indent: string): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (indent.length >= ONE_LINE_INDENT + (Array.isArray(value) ? 2 : 0)) return true;
  return value instanceof Number || value instanceof String || value instanceof Boolean;
}

/** Items a call of `lines` writes. */
const LINES = 1024;

/**
 * Items `from` to `to` of a list whose items are each written on one line, joined by `between`. Kept apart and
 * small: a report's rows run through it once a process, and V8's optimising compiler took 30–80 ms of CPU over a
 * walk that wrote them inside one recursive function.
 */
function lines(items: unknown[], from: number, to: number, between: string): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const item = jsonValue(items[i], i);
    out += `${i > from ? between : ''}${omitted(item) ? 'null' : JSON.stringify(item)}`;
  }
  return out;
}

/** What JSON writes for a member: its `toJSON(key)` where it has one. */
function jsonValue(value: unknown, key: string | number): unknown {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return (toJSON as (key: string) => unknown).call(value, String(key));
  }
  return value;
}

/** Members JSON leaves out of an object (and writes as `null` in a list). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
