import type { Hash } from 'node:crypto';
import { nodeCrypto } from '../../util/node-crypto';

const DOS2UNIX_CHUNK = 1024 * 1024;

/**
 * The md5 an object is named by, fed chunk by chunk as it streams in. DVC 3 objects are the plain md5 of the
 * bytes; DVC 2.x (legacy) objects are md5-dos2unix: each 1 MiB chunk whose first 512 bytes look like text has
 * CRLF turned into LF before hashing (dvc-data `Dos2UnixHashStreamFile`), so chunks are re-cut at 1 MiB here.
 */
export class ObjectHasher {
  private readonly hash: Hash = nodeCrypto().createHash('md5');
  /** Legacy only: the bytes of an unfinished 1 MiB block, and the scratch its CRLF-free form is written to. */
  private pending: Buffer | null = null;
  private pendingBytes = 0;
  private scratch: Buffer | null = null;

  constructor(private readonly legacy: boolean) {}

  update(chunk: Uint8Array): void {
    if (!this.legacy) {
      this.hash.update(chunk);
      return;
    }
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pendingBytes) {
      const fill = Math.min(DOS2UNIX_CHUNK - this.pendingBytes, data.length);
      data.copy(this.pending!, this.pendingBytes, 0, fill);
      this.pendingBytes += fill;
      data = data.subarray(fill);
      if (this.pendingBytes < DOS2UNIX_CHUNK) return;
      this.block(this.pending!);
      this.pendingBytes = 0;
    }
    // Whole blocks straight from the caller's buffer; only a tail shorter than a block is copied.
    while (data.length >= DOS2UNIX_CHUNK) {
      this.block(data.subarray(0, DOS2UNIX_CHUNK));
      data = data.subarray(DOS2UNIX_CHUNK);
    }
    if (data.length) {
      this.pending ??= Buffer.allocUnsafe(DOS2UNIX_CHUNK);
      data.copy(this.pending, 0);
      this.pendingBytes = data.length;
    }
  }

  digest(): string {
    if (this.legacy && this.pendingBytes) this.block(this.pending!.subarray(0, this.pendingBytes));
    return this.hash.digest('hex');
  }

  private block(chunk: Buffer): void {
    if (!isTextBlock(chunk.subarray(0, 512))) {
      this.hash.update(chunk);
      return;
    }
    this.scratch ??= Buffer.allocUnsafe(DOS2UNIX_CHUNK);
    this.hash.update(this.scratch.subarray(0, dos2unixInto(chunk, this.scratch)));
  }
}

/** dvc-data `istextblock`: no NUL, and at most 30% of bytes outside printable ASCII and \n\r\t\f\b. */
export function isTextBlock(block: Buffer): boolean {
  if (!block.length) return true;
  let nontext = 0;
  for (const b of block) {
    if (b === 0) return false;
    if (!((b >= 32 && b < 127) || b === 10 || b === 13 || b === 9 || b === 12 || b === 8)) nontext++;
  }
  return nontext / block.length <= 0.3;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * CRLF → LF, as DVC 2.x hashed text (one chunk at a time, as dvc-data reads it): writes `chunk` without the CR
 * of each CRLF into `out` (as long as `chunk`); returns the length written. Four
 * bytes at a time where a word has no CR: text has one every few dozen bytes, and byte by byte this is slower
 * than DVC's own `bytes.replace`.
 */
function dos2unixInto(chunk: Buffer, out: Buffer): number {
  const len = chunk.length;
  let n = 0;
  let i = 0;
  const copy = (end: number): void => {
    for (; i < end; i++) {
      const b = chunk[i]!;
      if (b !== 13 || chunk[i + 1] !== 10) out[n++] = b;
    }
  };
  if (LITTLE_ENDIAN) {
    // Bytes up to a 4-byte boundary of the underlying memory one by one, then whole words.
    copy(Math.min(len, (4 - (chunk.byteOffset % 4)) % 4));
    const words = (len - i) >> 2;
    const input = new Uint32Array(chunk.buffer, chunk.byteOffset + i, words);
    const output = new DataView(out.buffer, out.byteOffset, out.length);
    for (let w = 0; w < words; w++) {
      const word = input[w]!;
      const x = word ^ 0x0d0d0d0d;
      // Non-zero exactly when some byte of the word is 0x0D (the "has a zero byte" test on word ^ CRs).
      if (((x - 0x01010101) & ~x & 0x80808080) === 0) {
        output.setUint32(n, word, true);
        n += 4;
        i += 4;
      } else copy(i + 4);
    }
  }
  copy(len);
  return n;
}

/** The name an object's bytes give it, as the ObjectHasher computes it. */
export function objectMd5(bytes: Uint8Array, legacy = false): string {
  const h = new ObjectHasher(legacy);
  h.update(bytes);
  return h.digest();
}
