import { parse, TomlDate, TomlError } from 'smol-toml';
import { SyntaxProblem } from './json';
import { PyDate, PyDateTime, PyFloat, PyTime, type ParsedFile, type Raw } from '../python/value';

/** TOML (DVC uses tomlkit, unwrapped to Python values): integers stay ints, floats floats, dates and times Python's. */
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
  if (value instanceof TomlDate) return tomlDate(value);
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === 'object') return new Map(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  return null;
}

/**
 * A TOML date, date-time or time as tomlkit's `unwrap()` gives it: a `date`, a `datetime` (an offset one with a fixed
 * zone, a local one naive) or a `time`, which DVC compares and prints as Python does (`1979-05-27 07:32:00+00:00`).
 * smol-toml keeps milliseconds: a fraction past them is lost (tomlkit keeps microseconds).
 */
function tomlDate(value: TomlDate): Raw {
  // The fields as written (an offset date-time's local time and offset), `2024-01-02T10:20:30.123-05:00`.
  const iso = value.toISOString();
  if (value.isDate()) return new PyDate(iso);
  const m = /^(?:(\d{4}-\d{2}-\d{2})T)?(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|[+-]\d{2}:\d{2})?$/i.exec(iso);
  if (!m) return iso;
  const [, date, hh, mm, ss, ms, offset] = m as unknown as [string, string | undefined, string, string, string, string, string | undefined];
  const microsecond = Number(ms) * 1000;
  if (date === undefined) return new PyTime(`${hh}:${mm}:${ss}${microsecond ? `.${String(microsecond).padStart(6, '0')}` : ''}`);
  let zone = null;
  if (offset) {
    const minutes = /^z$/i.test(offset) ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    zone = { minutes, name: offset };
  }
  return new PyDateTime(date, Number(hh), Number(mm), Number(ss), microsecond, zone);
}
