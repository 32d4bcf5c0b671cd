import { nodeCrypto } from '../../util/node-crypto';
import { pyJsonString } from '../../util/python-text';
import { DataError } from './errors';

/** One file of a directory output, as a `.dir` manifest lists it. */
export interface DirEntry {
  /** POSIX path relative to the directory. */
  relpath: string;
  md5: string;
}

/**
 * A `.dir` manifest byte for byte as DVC writes it (dvc-data `Tree.as_bytes`): entries sorted by relpath in
 * code-point order, `json.dumps(…, sort_keys=True)` with Python's `", "`/`": "` separators and
 * `ensure_ascii`, no trailing newline. Its oid is the md5 of those bytes plus `.dir`.
 */
export function dirManifest(entries: DirEntry[]): { bytes: Buffer; oid: string } {
  // Without characters past U+FFFF, UTF-16 order is code-point order, and the engine's own string compare is
  // several times faster than a walk over the units (a folder of 10k files).
  const byPath = entries.some((e) => SURROGATE.test(e.relpath))
    ? (a: DirEntry, b: DirEntry) => compareCodePoints(a.relpath, b.relpath)
    : (a: DirEntry, b: DirEntry) => (a.relpath < b.relpath ? -1 : a.relpath > b.relpath ? 1 : 0);
  const sorted = [...entries].sort(byPath);
  const text = `[${sorted.map((e) => `{"md5": ${quote(e.md5)}, "relpath": ${quote(e.relpath)}}`).join(', ')}]`;
  // ensure_ascii leaves only ASCII, where latin1 is UTF-8 and copies the string's bytes without encoding them.
  const bytes = Buffer.from(text, 'latin1');
  return { bytes, oid: `${nodeCrypto().createHash('md5').update(bytes).digest('hex')}.dir` };
}

const SURROGATE = /[\ud800-\udfff]/;

/** Printable ASCII other than `"` and `\\`: json.dumps leaves such a string as it is. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** pyJsonString, without its per-character walk for the usual plain path (a folder of 100k files). */
function quote(s: string): string {
  return PLAIN.test(s) ? `"${s}"` : pyJsonString(s);
}

/** Python's str ordering: by code point, which UTF-16 `<` gets wrong for characters beyond the BMP. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Units differ in order from code points only where a surrogate (a character past U+FFFF) meets U+E000–U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

const MD5 = /^[0-9a-f]{32}$/;

/**
 * Reads a `.dir` manifest (DVC 2 and 3 write the same shape; extra keys such as `size` are tolerated as
 * dvc-data does). A relpath that would leave the directory is refused: it comes from a remote.
 */
export function parseManifest(bytes: Uint8Array, where: string): DirEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new DataError(`${where} is corrupted: not JSON`);
  }
  if (!Array.isArray(data)) throw new DataError(`${where} is corrupted: expected a JSON list of {md5, relpath}`);
  return data.map((e: unknown, i) => {
    const entry = e as { md5?: unknown; relpath?: unknown };
    if (!entry || typeof entry.md5 !== 'string' || !MD5.test(entry.md5) || typeof entry.relpath !== 'string') {
      throw new DataError(`${where} is corrupted: entry ${i} is not {"md5": <32 hex>, "relpath": <path>}`);
    }
    const parts = entry.relpath.split('/');
    if (
      !entry.relpath ||
      entry.relpath.startsWith('/') ||
      parts.some((p) => p === '..' || p === '' || p === '.') ||
      (process.platform === 'win32' && /[\\:]/.test(entry.relpath))
    ) {
      throw new DataError(`${where}: entry ${i} has an unsafe relpath '${entry.relpath}'`);
    }
    return { relpath: entry.relpath, md5: entry.md5 };
  });
}
