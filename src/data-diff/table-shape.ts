import { open } from 'node:fs/promises';
import { parquetMetadata } from 'hyparquet';
import { DataError } from '../dvc/data/errors';
import { csvNumber, parseCsvRecords } from '../dvc/formats/csv';
import type { TableShape } from './types';

/** How a file is read as a table, by its extension (any letter case); null for other files. */
export function tableFormat(path: string): ',' | '\t' | 'parquet' | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'csv' ? ',' : ext === 'tsv' ? '\t' : ext === 'parquet' ? 'parquet' : null;
}

/** A Parquet footer larger than this is not one a writer makes for a data file: refused before it is read. */
const MAX_FOOTER_BYTES = 64 * 1024 * 1024;

/**
 * A Parquet file's rows and columns from its footer alone (the file metadata's `num_rows` and the root schema's
 * fields), read by hyparquet: only the last bytes of the file are read, whatever its size. Returns the shape and the
 * bytes read.
 */
export async function parquetShape(file: string, path: string): Promise<{ shape: TableShape; bytes: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(8);
    if (size >= 12) await handle.read(tail, 0, 8, size - 8);
    if (size < 12 || tail.toString('latin1', 4) !== 'PAR1') throw new DataError(`${path}: not a Parquet file (no PAR1 footer)`);
    const length = tail.readUInt32LE(0);
    if (length > size - 12 || length > MAX_FOOTER_BYTES) throw new DataError(`${path}: its Parquet footer says ${length} bytes, which the file cannot hold`);
    const footer = Buffer.alloc(length + 8);
    await handle.read(footer, 0, footer.length, size - footer.length);
    let metadata;
    try {
      metadata = parquetMetadata(footer, { geoparquet: false });
    } catch (error) {
      throw new DataError(`${path}: its Parquet footer does not parse (${(error as Error).message})`);
    }
    const columns = metadata.schema[0]?.num_children ?? 0;
    return { shape: { rows: Number(metadata.num_rows), columns }, bytes: footer.length };
  } finally {
    await handle.close();
  }
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

/** The first records are kept up to this many bytes to tell a header line from a data line. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Rows and columns of a CSV or TSV file read in one pass, a chunk at a time (memory does not grow with the file):
 * records split as Python's csv reader splits them — a quoted field may hold delimiters and line breaks, `""` is
 * a quote — with blank lines skipped, as pandas skips them. Columns are the first record's fields; rows the records
 * after the header, or every record when the first one is data (`hasHeader`).
 */
export async function tableShape(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, delimiter: ',' | '\t'): Promise<TableShape> {
  const delim = delimiter.charCodeAt(0);
  let state = At.FieldStart;
  let fields = 0;
  let empty = true;
  let records = 0;
  let columns = 0;
  let afterCr = false;
  const start: Uint8Array[] = [];
  let startBytes = 0;
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
    if (records < 2 && startBytes < SNIFF_BYTES) {
      start.push(chunk);
      startBytes += chunk.length;
    }
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
  const header = hasHeader(Buffer.concat(start).subarray(0, SNIFF_BYTES).toString('utf8'), delimiter);
  return { rows: Math.max(0, header ? records - 1 : records), columns };
}

/**
 * Whether a table's first record is a header, as Python's `csv.Sniffer.has_header` votes on its numeric columns: for
 * each column whose second record holds a number, a first record holding text there is a header's name, a number
 * there is data. Without such a column (all text), a header, as most tables have one. Headerless TSVs are common in
 * ML projects (DVC's example-get-started writes its prepared data so).
 */
function hasHeader(start: string, delimiter: ',' | '\t'): boolean {
  let records;
  try {
    // The text may end inside a record (it is the file's start): only the first two records are looked at.
    records = parseCsvRecords(start, delimiter);
  } catch {
    return true;
  }
  const [first, second] = records;
  if (!first || !second) return true;
  let votes = 0;
  second.fields.forEach((cell, i) => {
    const name = first.fields[i];
    if (name === undefined || csvNumber(cell) === undefined) return;
    votes += csvNumber(name) === undefined ? 1 : -1;
  });
  return votes >= 0;
}
