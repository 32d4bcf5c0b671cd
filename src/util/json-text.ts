/** Text is handed on in pieces of about this many characters, joined as they fill. */
const PIECE = 64 * 1024;
/** A list whose text is shorter than this is kept for its next appearance; longer ones are rarely shared. */
const REUSE = 64 * 1024;
/**
 * From this depth (its indent) down, values are made by JSON.stringify: a report's rows share their causes' lists
 * just above it (report → metrics → file → rows → row → causes → params), and are walked here to find them.
 */
const NATIVE_INDENT = 2 * 6;

/**
 * Hands `emit` the text of `JSON.stringify(value, null, 2)`, character for character, in pieces of about 64 KiB as
 * it is made, so a large report is written while it is made and never held whole. A list that appears more than
 * once in the value (every changed row of a report holds the same causes' params and files) is made once and its
 * text reused, where `JSON.stringify` makes it again each time (a report of 2,000 changed rows is 26 MB of JSON).
 * Pieces stay one-byte strings where they can: one non-Latin-1 character in a single string would make all of it
 * two bytes a character. Throws what `JSON.stringify` throws (a BigInt); the value must not contain itself.
 */
export function writeJson(value: unknown, emit: (piece: string) => void): void {
  let parts: string[] = [];
  let pending = 0;
  let size = 0;
  /** Where each list being written began (`size`), innermost last: its text may still be kept for reuse. */
  const open: number[] = [];
  const lists = new Map<unknown[], { indent: string; text: string }>();
  const walked = new Set<unknown[]>();

  const push = (text: string): void => {
    parts.push(text);
    pending += text.length;
    size += text.length;
    // Joined only where no list that may be reused is open: such a list's parts are still needed one by one.
    if (pending >= PIECE && (!open.length || size - open[open.length - 1]! >= REUSE)) {
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
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      const list = value as unknown[];
      if (!list.length) return push('[]');
      const known = lists.get(list);
      if (known && known.indent === indent) return push(known.text);
      if (indent.length >= NATIVE_INDENT && typeof (list as { toJSON?: unknown }).toJSON !== 'function') {
        // Deep down, JSON.stringify makes the text (natively, much faster than this walk); its lines are indented
        // here (a JSON string holds no raw line break).
        const text = JSON.stringify(list, null, 2).replaceAll('\n', `\n${indent}`);
        if (text.length < REUSE) lists.set(list, { indent, text });
        return push(text);
      }
      // A list's text is kept from its second appearance on: most lists appear once, and keeping costs a copy.
      const again = walked.has(list);
      if (!again) walked.add(list);
      const mark = parts.length;
      const from = size;
      if (again) open.push(from);
      push('[\n');
      for (let i = 0; i < list.length; i++) {
        if (i) push(',\n');
        push(inner);
        const item = jsonValue(list[i], i);
        if (omitted(item)) push('null');
        else write(item, inner);
      }
      push(`\n${indent}]`);
      if (again) {
        open.pop();
        if (size - from < REUSE) {
          const text = parts.splice(mark).join('');
          parts.push(text);
          lists.set(list, { indent, text });
        }
      }
      return;
    }
    if (indent.length >= NATIVE_INDENT && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
      return push(JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`));
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
