import { parseDocument } from 'yaml';
import { UserError } from '../util/errors';

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
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset).split('\n');
      throw new UserError(`${path}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
    }
    throw new UserError(`${path}: invalid JSON: ${message}`);
  }
}
