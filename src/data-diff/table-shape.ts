import type { TableShape } from './types';

/** The delimiter of a file DVC reads as a table (`.csv`, `.tsv`, any letter case); null for other files. */
export function tableDelimiter(path: string): ',' | '\t' | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'csv' ? ',' : ext === 'tsv' ? '\t' : null;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the reader is inside a record, as Python's csv reader tracks it (double quotes, `""` inside them). */
const enum At {
  FieldStart,
  Field,
  Quoted,
  QuoteInQuoted,
}

/**
 * Rows and columns of a CSV or TSV file read in one pass, a chunk at a time (memory does not grow with the file):
 * records split as Python's csv reader splits them — a quoted field may hold delimiters and line breaks, `""` is
 * a quote — with blank lines skipped, as pandas skips them. Columns are the header's fields; rows the records
 * after it.
 */
export async function tableShape(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, delimiter: ',' | '\t'): Promise<TableShape> {
  const delim = delimiter.charCodeAt(0);
  let state = At.FieldStart;
  let fields = 0;
  let empty = true;
  let records = 0;
  let columns = 0;
  let afterCr = false;
  const endRecord = (): void => {
    if (!empty) {
      if (records === 0) columns = fields + 1;
      records++;
    }
    state = At.FieldStart;
    fields = 0;
    empty = true;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (afterCr) {
        afterCr = false;
        if (c === LF) continue;
      }
      if (state === At.Quoted) {
        if (c === QUOTE) state = At.QuoteInQuoted;
        continue;
      }
      if (c === LF || c === CR) {
        afterCr = c === CR;
        endRecord();
        continue;
      }
      empty = false;
      if (c === delim) {
        fields++;
        state = At.FieldStart;
      } else if (state === At.FieldStart && c === QUOTE) state = At.Quoted;
      else if (state === At.QuoteInQuoted) state = c === QUOTE ? At.Quoted : At.Field;
      else state = At.Field;
    }
  }
  endRecord();
  return { rows: Math.max(0, records - 1), columns };
}
