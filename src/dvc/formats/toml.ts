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
      const first = error.message.split('\n').find((l) => l.trim() && !l.startsWith('Invalid TOML document')) ?? 'invalid TOML';
      throw new SyntaxProblem(first.replace(/^Invalid TOML document: /, ''), error.line, error.column);
    }
    throw error;
  }
  return { data: convert(doc), warnings: [] };
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
