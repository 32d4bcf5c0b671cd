import { SyntaxProblem } from './json';
import { pyNumber, type PyFloat } from '../python/value';

/** One CSV/TSV record with the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, quotes (`""`) and line breaks; CRLF, LF or CR.
 * Blank lines are skipped. An unterminated quote is an error with its line and column.
 */
export function parseCsvRecords(text: string, delimiter: ',' | '\t'): CsvRecord[] {
  const records: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    if (text[i] !== '"') {
      // Fast path: a line without quotes is a plain split. A lone CR (old Mac line ends) ends a record, as in
      // the full scan below, so such a line takes that path.
      let end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
      const raw = text.slice(i, end);
      const cr = raw.indexOf('\r');
      if (!raw.includes('"') && (cr === -1 || cr === raw.length - 1)) {
        const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        i = end + 1;
        line++;
        if (body !== '') records.push({ fields: body.split(delimiter), line: startLine });
        continue;
      }
    }
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        const open = i;
        const openLine = line;
        let out = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            const col = open - text.lastIndexOf('\n', open - 1);
            throw new SyntaxProblem('unterminated quoted field', openLine, col);
          }
          const part = text.slice(i, q);
          for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) line++;
          out += part;
          if (text[q + 1] === '"') {
            out += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        field = out;
        // Text after a closing quote is kept, as Python's csv module does.
        while (i < text.length && text.charCodeAt(i) !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        let end = i;
        while (end < text.length && text.charCodeAt(end) !== d && text[end] !== '\n' && text[end] !== '\r') end++;
        field = text.slice(i, end);
        i = end;
      }
      fields.push(field);
      if (text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: startLine });
  }
  return records;
}

/**
 * A CSV cell as a number when Python's `int()`/`float()` would read it (`1` int, `1.0` float, `nan`, `1e-3`),
 * else undefined. A character scan rather than regexes: logger files have hundreds of thousands of cells.
 */
export function csvNumber(cell: string): number | PyFloat | undefined {
  const t = cell.trim();
  if (!t) return undefined;
  let digits = 0;
  let float = false;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 || c === 101 || c === 69) float = true;
    else if (!((c === 43 || c === 45) && (k === 0 || t[k - 1] === 'e' || t[k - 1] === 'E'))) return special(t);
  }
  if (!digits) return undefined;
  const n = Number(t);
  if (Number.isNaN(n)) return undefined;
  return float ? pyNumber(n, true) : n;
}

function special(t: string): PyFloat | undefined {
  const m = /^([-+]?)(nan|inf|infinity)$/i.exec(t);
  if (!m) return undefined;
  return pyNumber(m[2]!.toLowerCase() === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity, true) as PyFloat;
}
