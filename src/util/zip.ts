import { crc32, deflateRawSync } from 'node:zlib';

/** One file in a ZIP archive: its path inside the archive (`/`-separated) and its bytes. */
export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/**
 * A ZIP archive (PKWARE APPNOTE 6.3: local headers, deflated data, central directory) of a few small files, built
 * in memory. No ZIP64: the report folder is far below its 4 GiB / 65,535-entry limits, which are checked.
 */
export function zipFiles(entries: ZipEntry[], modified = new Date()): Buffer {
  if (entries.length > 0xffff) throw new Error(`A ZIP without ZIP64 holds at most 65,535 files (got ${entries.length}).`);
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.bytes);
    // Stored is smaller for data that does not compress (PNGs): method 0, the bytes as they are.
    const stored = deflated.length >= entry.bytes.length;
    const data = stored ? entry.bytes : deflated;
    const crc = crc32(entry.bytes);
    if (entry.bytes.length > 0xfffffffe || offset > 0xfffffffe) throw new Error(`${entry.name} does not fit a ZIP without ZIP64.`);
    const fields: EntryFields = { method: stored ? 0 : 8, time, date, crc, compressed: data.length, size: entry.bytes.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the mode below is read)
    writeEntryFields(central, 6, fields);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** What a file's local header and its central directory record both hold, in the same order. */
interface EntryFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** The run of fields (version needed … name length) the local header has at 4 and the central record at 6. */
function writeEntryFields(header: Buffer, at: number, f: EntryFields): void {
  header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  header.writeUInt16LE(0x0800, at + 2); // bit 11: the name is UTF-8
  header.writeUInt16LE(f.method, at + 4);
  header.writeUInt16LE(f.time, at + 6);
  header.writeUInt16LE(f.date, at + 8);
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.compressed, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.nameLength, at + 22);
}

/** MS-DOS date and time (local fields, 2-second resolution), as ZIP stores them; 1980 is the earliest. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(d.getFullYear(), 1980);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
