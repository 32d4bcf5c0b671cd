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
  let parts: string[] = [];
  let pending = 0;

  const push = (text: string): void => {
    parts.push(text);
    pending += text.length;
    if (pending >= PIECE) {
      emit(parts.join(''));
      parts = [];
      pending = 0;
    }
  };

  const write = (value: unknown, indent: string): void => {
    switch (typeof value) {
      case 'string':
        return push(JSON.stringify(value));
      case 'number':
        return push(Number.isFinite(value) ? String(value) : 'null');
      case 'boolean':
        return push(value ? 'true' : 'false');
      case 'object':
        break;
      default:
        // A BigInt: JSON.stringify's own TypeError.
        return push(JSON.stringify(value));
    }
    if (value === null || value instanceof Number || value instanceof String || value instanceof Boolean) return push(JSON.stringify(value));
    const isList = Array.isArray(value);
    // A list at the rows' depth is still walked: it is the rows.
    if (indent.length >= ONE_LINE_INDENT + (isList ? 2 : 0)) return push(JSON.stringify(value));
    const inner = `${indent}  `;
    if (isList) {
      const list = value as unknown[];
      if (!list.length) return push('[]');
      push('[\n');
      for (let i = 0; i < list.length; i++) {
        if (i) push(',\n');
        push(inner);
        const item = jsonValue(list[i], i);
        if (omitted(item)) push('null');
        else write(item, inner);
      }
      return push(`\n${indent}]`);
    }
    const record = value as Record<string, unknown>;
    let first = true;
    for (const name of Object.keys(record)) {
      const item = jsonValue(record[name], name);
      if (omitted(item)) continue;
      push(`${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `);
      first = false;
      write(item, inner);
    }
    push(first ? '{}' : `\n${indent}}`);
  };

  const top = jsonValue(value, '');
  if (omitted(top)) return;
  write(top, '');
  if (parts.length) emit(parts.join(''));
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
