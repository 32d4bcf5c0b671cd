import { parse, TomlDate, TomlError } from 'smol-toml';
import { SyntaxProblem } from './json';
import { PyFloat, type ParsedFile, type Raw } from '../python/value';

/** TOML (DVC uses tomlkit): integers stay ints, floats stay floats, dates print as written in ISO form. */
export function parseToml(text: string): ParsedFile {
  let doc: unknown;
  try {
    doc = parse(text, { integersAsBigInt: true });
  } catch (error) {
    if (error instanceof TomlError) {
      throw new SyntaxProblem(tomlReason(error, text), error.line, error.column);
    }
    throw error;
  }
  return { data: convert(doc), warnings: [] };
}

/**
 * Why smol-toml refused the text: its message's first line is the reason, the lines after it only quote the source.
 * The two commonest get the key or the gap named.
 */
function tomlReason(error: TomlError, text: string): string {
  const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '') || 'invalid TOML';
  const line = text.split(/\r?\n/)[error.line - 1] ?? '';
  const assignment = /^\s*([^=#]+?)\s*=(.*)$/.exec(line);
  if (assignment && reason.includes('redefine')) return `duplicate key '${assignment[1]}' (${reason})`;
  if (assignment && reason === 'invalid value' && !assignment[2]!.replace(/#.*/, '').trim()) return `a value missing after '=' for '${assignment[1]}'`;
  return reason;
}

function convert(value: unknown): Raw {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'number') return Number.isInteger(value) || !Number.isFinite(value) ? new PyFloat(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === 'object') return new Map(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  return null;
}
