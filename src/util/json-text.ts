/** Text is handed on in pieces of about this many characters, joined as they fill. */
const PIECE = 64 * 1024;
/**
 * Objects from this depth (its indent) down are made by JSON.stringify, natively and much faster than this walk:
 * a report's rows (report → metrics → file → rows → row), history entries, gate rules. Lists above it are walked
 * here, item by item, so a file of a million rows is written while it is made.
 */
const NATIVE_OBJECT_INDENT = 2 * 3;
/** Lists from this depth down are made by JSON.stringify too. */
const NATIVE_LIST_INDENT = 2 * 6;

/**
 * Hands `emit` the text of `JSON.stringify(value, null, 2)`, character for character, in pieces of about 64 KiB as
 * it is made, so a large report is written while it is made and never held whole. Pieces stay one-byte strings
 * where they can: one non-Latin-1 character in a single string would make all of it two bytes a character. Throws
 * what `JSON.stringify` throws (a BigInt); the value must not contain itself.
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
  // Deep down, JSON.stringify makes the text; its lines are indented here (a JSON string holds no raw line break).
  const native = (value: unknown, indent: string): void => push(JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`));

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
    const hasToJSON = typeof (value as { toJSON?: unknown }).toJSON === 'function';
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      const list = value as unknown[];
      if (!list.length) return push('[]');
      if (indent.length >= NATIVE_LIST_INDENT && !hasToJSON) return native(list, indent);
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
    if (indent.length >= NATIVE_OBJECT_INDENT && !hasToJSON) return native(value, indent);
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
