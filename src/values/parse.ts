import { parseDocument } from 'yaml';
import { UserError } from '../util/errors';
import { jsonErrorOffset, lineColumn } from './json-position';

/**
 * Parses a metrics/params file by extension as DVC does: `.json` is JSON, anything else YAML (1.2 core
 * schema, so `yes`/`no` stay strings). Errors name the file, line and column.
 */
export function parseValuesText(path: string, text: string): unknown {
  if (path.toLowerCase().endsWith('.json')) return parseJson(path, text);
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new UserError(`${path}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${error.message.split('\n')[0]}`);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const offset = jsonErrorOffset(text);
    if (offset < 0) throw new UserError(`${path}: invalid JSON: ${reason}`);
    const { line, column } = lineColumn(text, offset);
    const found = offset >= text.length ? 'end of file' : JSON.stringify(text[offset]);
    throw new UserError(`${path}:${line}:${column}: invalid JSON: unexpected ${found}`);
  }
}
