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
  // One string, appended to and handed on when it fills (V8 joins the appends once, when `emit` reads them), and one
  // walk with the rows' loop inside it: closures calling each other per value (`push`, then a walk split in three)
  // cost more to run and to optimise than the rows' JSON.stringify itself.
  let text = '';
  const full = (): void => {
    if (text.length < PIECE) return;
    emit(text);
    text = '';
  };

  const walk = (value: unknown, indent: string): void => {
    // Primitives, boxed primitives, objects from the rows' depth down and lists below it (a list at that depth is
    // still walked: it is the rows): JSON.stringify's own text, a BigInt its TypeError.
    if (
      typeof value !== 'object' ||
      value === null ||
      indent.length >= ONE_LINE_INDENT + (Array.isArray(value) ? 2 : 0) ||
      value instanceof Number ||
      value instanceof String ||
      value instanceof Boolean
    ) {
      text += JSON.stringify(value);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (!value.length) {
        text += '[]';
        return;
      }
      const between = `,\n${inner}`;
      // Items from the rows' depth are each one line, whatever they are.
      const lines = inner.length >= ONE_LINE_INDENT + 2;
      text += `[\n${inner}`;
      for (let i = 0; i < value.length; i++) {
        if (i) text += between;
        const item = jsonValue(value[i], i);
        if (omitted(item)) text += 'null';
        else if (lines) text += JSON.stringify(item);
        else walk(item, inner);
        full();
      }
      text += `\n${indent}]`;
      return;
    }
    const record = value as Record<string, unknown>;
    const names = Object.keys(record);
    let first = true;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const item = jsonValue(record[name], name);
      if (omitted(item)) continue;
      text += `${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `;
      first = false;
      walk(item, inner);
      full();
    }
    text += first ? '{}' : `\n${indent}}`;
  };

  const top = jsonValue(value, '');
  if (omitted(top)) return;
  walk(top, '');
  if (text) emit(text);
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
