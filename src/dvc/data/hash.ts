import { createHash, type Hash } from 'node:crypto';

const DOS2UNIX_CHUNK = 1024 * 1024;

/**
 * The md5 an object is named by, fed chunk by chunk as it streams in. DVC 3 objects are the plain md5 of the
 * bytes; DVC 2.x (legacy) objects are md5-dos2unix: each 1 MiB chunk whose first 512 bytes look like text has
 * CRLF turned into LF before hashing (dvc-data `Dos2UnixHashStreamFile`), so chunks are re-cut at 1 MiB here.
 */
export class ObjectHasher {
  private readonly hash: Hash = createHash('md5');
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly legacy: boolean) {}

  update(chunk: Uint8Array): void {
    if (!this.legacy) {
      this.hash.update(chunk);
      return;
    }
    this.pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes < DOS2UNIX_CHUNK) return;
    let all = Buffer.concat(this.pending);
    while (all.length >= DOS2UNIX_CHUNK) {
      this.block(all.subarray(0, DOS2UNIX_CHUNK));
      all = all.subarray(DOS2UNIX_CHUNK);
    }
    this.pending = all.length ? [Buffer.from(all)] : [];
    this.pendingBytes = all.length;
  }

  digest(): string {
    if (this.legacy && this.pendingBytes) this.block(Buffer.concat(this.pending));
    return this.hash.digest('hex');
  }

  private block(chunk: Buffer): void {
    this.hash.update(isTextBlock(chunk.subarray(0, 512)) ? dos2unix(chunk) : chunk);
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

/** CRLF → LF, as DVC 2.x hashed text (one chunk at a time, as dvc-data reads it). */
export function dos2unix(chunk: Buffer): Buffer {
  if (chunk.indexOf('\r\n') < 0) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let n = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] === 13 && chunk[i + 1] === 10) continue;
    out[n++] = chunk[i]!;
  }
  return out.subarray(0, n);
}

/** The name an object's bytes give it, as the ObjectHasher computes it. */
export function objectMd5(bytes: Uint8Array, legacy = false): string {
  const h = new ObjectHasher(legacy);
  h.update(bytes);
  return h.digest();
}
