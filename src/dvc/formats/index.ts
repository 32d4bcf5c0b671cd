import { UserError } from '../../util/errors';
import type { ParsedFile } from '../python/value';
import { parseJson, SyntaxProblem } from './json';
import { parsePython } from './python';
import { parseToml } from './toml';
import { parseYaml } from './yaml';

export { SyntaxProblem } from './json';

type DataFormat = 'JSON' | 'TOML' | 'Python' | 'YAML';

/** The parser DVC picks for a params, metrics or vars file (dvc/utils/serialize LOADERS): by extension, YAML otherwise. */
function formatOf(path: string): DataFormat {
  const ext = extension(path);
  return ext === '.json' ? 'JSON' : ext === '.toml' ? 'TOML' : ext === '.py' ? 'Python' : 'YAML';
}

/** Runs `parse`, turning a syntax problem into a UserError naming `path:line:column` and the format. */
export function withPosition<T>(path: string, format: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new UserError(`${path}:${error.line}:${error.column}: invalid ${format}: ${error.message}`);
    if (error instanceof RangeError) throw new UserError(`${path}: ${format} nested too deeply to read (${error.message})`);
    throw error;
  }
}

/**
 * A data file (dvc.yaml, dvc.lock, params, vars, metrics) parsed as DVC parses it, by extension. Errors name
 * the file, line and column. DVC opens these in Python's text mode (dvc/utils/serialize/_common.py `_load_data`),
 * whose universal newlines turn CRLF and lone CR into LF: a Windows checkout's multi-line TOML or Python string
 * reads as on Linux.
 */
export function parseDataFile(path: string, raw: string): ParsedFile {
  const format = formatOf(path);
  const text = raw.replace(/\r\n?/g, '\n');
  return withPosition(path, format, () => {
    switch (format) {
      case 'JSON':
        return parseJson(text);
      case 'TOML':
        return parseToml(text);
      case 'Python':
        return parsePython(text);
      default:
        return parseYaml(text);
    }
  });
}

export function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
