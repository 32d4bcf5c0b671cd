import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitStderr } from './run';

/**
 * An object a batch did not get to: the objects before it had already passed the most the batch may read
 * (`readMany`'s `maxTotal`), so git was stopped there.
 */
export class NotRead extends Error {
  constructor(readonly oid: string) {
    super(`object ${oid} was not read: the objects before it passed what this read may take`);
  }
}

/** An object larger than the reader may take (or its request's `admit` refused); its bytes were skipped, not kept. */
export class ObjectTooLarge extends Error {
  constructor(
    readonly oid: string,
    readonly size: number,
  ) {
    super(`object ${oid} has ${size} bytes, more than this read allows`);
  }
}

const EMPTY = Buffer.alloc(0);

/** One object of a batch: its id, the most bytes to keep, and who decides on the size git tells (see `Pending`). */
export interface ObjectRequest {
  oid: string;
  maxBytes: number;
  admit?: (size: number) => boolean;
}

/** What git answered for one name: the object, with its bytes when they were within the request's limit. */
interface Found {
  oid: string;
  type: string;
  size: number;
  bytes: Buffer | null;
}

interface Pending {
  maxBytes: number;
  /** Asked, once git has told the size and it is within `maxBytes`, whether to keep the body (a budget's turn). */
  admit?: (size: number) => boolean;
  resolve: (found: Found | null) => void;
  reject: (error: Error) => void;
}

/** A body being received: kept when within the request's limit, else counted and dropped. */
interface Body {
  request: Pending;
  found: Found;
  received: number;
}

/**
 * `git cat-file --batch` answers as they stream in, each matched to the oldest pending request (git answers in the
 * order it was asked): bodies within their request's limit are kept, larger ones counted and dropped.
 */
class AnswerReader {
  readonly pending: Pending[] = [];
  private header: Buffer = EMPTY;
  private body: Body | null = null;

  constructor(private readonly onIdle: () => void = () => undefined) {}

  receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.body) {
        at = this.take(chunk, at);
        continue;
      }
      const newline = chunk.indexOf(10, at);
      if (newline < 0) {
        this.header = Buffer.concat([this.header, chunk.subarray(at)]);
        return;
      }
      // A header is ASCII (an object id, a type, a size), and mostly whole within one chunk.
      const line = this.header.length ? Buffer.concat([this.header, chunk.subarray(at, newline)]).toString('latin1') : chunk.toString('latin1', at, newline);
      this.header = EMPTY;
      at = newline + 1;
      this.answer(line);
    }
  }

  /** Forgets a half-received answer (the process that sent it ended) and fails every pending request. */
  fail(error: Error): void {
    this.header = EMPTY;
    this.body = null;
    for (const request of this.pending.splice(0)) request.reject(error);
  }

  /** A header line: `<oid> <type> <size>`, or `<oid> missing` / `<oid> ambiguous`. */
  private answer(line: string): void {
    const request = this.pending[0];
    if (!request) return;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(line);
    if (!m) {
      this.settle();
      request.resolve(null);
      return;
    }
    const size = Number(m[3]);
    const keep = size <= request.maxBytes && (request.admit?.(size) ?? true);
    const found = { oid: m[1]!, type: m[2]!, size, bytes: keep ? Buffer.allocUnsafe(size) : null };
    this.body = { request, found, received: 0 };
  }

  /** Copies body bytes (and the newline git ends each object with); returns where in `chunk` they ended. */
  private take(chunk: Buffer, at: number): number {
    const body = this.body!;
    const { size, bytes } = body.found;
    const n = Math.min(size + 1 - body.received, chunk.length - at);
    if (bytes) {
      const copy = Math.min(n, size - body.received);
      if (copy > 0) chunk.copy(bytes, body.received, at, at + copy);
    }
    body.received += n;
    if (body.received === size + 1) {
      this.body = null;
      this.settle();
      body.request.resolve(body.found);
    }
    return at + n;
  }

  private settle(): void {
    this.pending.shift();
    if (!this.pending.length) this.onIdle();
  }
}

/**
 * From this many objects a batch is read by a `git cat-file --batch` of its own writing into a file. git writes a
 * blob in two pieces (header, then the bytes, never buffered together), and a pipe wakes Node for each: 2,000 small
 * files made 4,000 reads and doubled the process's CPU. A file is read back in a few large reads.
 */
const ONE_PROCESS_FROM = 64;
/** Bytes read back from that file at a time. */
const READ_BACK_BYTES = 64 * 1024;

/**
 * One `git cat-file --batch` process for many reads: one process start instead of one a file (thousands of
 * values files at a base). Requests are answered in the order they were written, so a FIFO of pending reads
 * matches each answer to its request. The process is started on the first read and ends on `close()`; while
 * idle it does not keep Node running, and should Node exit first git sees its input end and exits too.
 */
export class CatFileBatch {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly answers = new AnswerReader(() => this.hold(false));
  private closing: Promise<void> | null = null;

  constructor(private readonly cwd: string) {}

  /** The blob's bytes, null when git has no such object; `ObjectTooLarge` past `maxBytes` (nothing kept). */
  async read(oid: string, maxBytes: number): Promise<Buffer | null> {
    const found = await this.request(oid, maxBytes);
    if (!found) return null;
    if (!found.bytes) throw new ObjectTooLarge(oid, found.size);
    return found.bytes;
  }

  /**
   * Many blobs in one round: every name is written at once and the answers are taken as they stream back, where
   * one `read` after another waits a round trip a file. Each answer is what `read` gives (bytes, or null when git
   * has no such object) or `ObjectTooLarge`, in the order asked. A large batch is read by a process of its own
   * through a file (`ONE_PROCESS_FROM`); what is read back from it is kept or skipped as from the pipe. Its git is
   * stopped once the file holds more than `maxTotal` bytes (what the caller's budget has left: the bodies it would
   * refuse land in the file too), and the objects it did not get to are `NotRead`.
   */
  async readMany(requests: readonly ObjectRequest[], maxTotal = Infinity): Promise<(Buffer | null | ObjectTooLarge | NotRead)[]> {
    if (!requests.length) return [];
    if (this.closing) throw new Error('the git object reader is closed');
    let found: (Found | null | NotRead)[];
    if (requests.length >= ONE_PROCESS_FROM) {
      const dir = await mkdtemp(join(tmpdir(), 'mlreport-objects-')).catch(() => null);
      // Without a writable temporary folder, through the pipe: slower, the same answers.
      found = dir ? await readThroughFile(this.cwd, dir, requests, maxTotal) : await this.askAll(requests);
    } else found = await this.askAll(requests);
    return found.map((f, i) => (!f || f instanceof NotRead ? f : (f.bytes ?? new ObjectTooLarge(requests[i]!.oid, f.size))));
  }

  private askAll(requests: readonly ObjectRequest[]): Promise<(Found | null)[]> {
    const child = this.start();
    const idle = !this.answers.pending.length;
    const answers = requests.map(
      ({ maxBytes, admit }) => new Promise<Found | null>((resolve, reject) => this.answers.pending.push({ maxBytes, admit, resolve, reject })),
    );
    if (idle) this.hold(true);
    child.stdin.write(requests.map((r) => `${r.oid}\n`).join(''));
    return Promise.all(answers);
  }

  /**
   * What a revision expression (`HEAD^{commit}`, `main:dvc.yaml`) names, as `rev-parse --verify` would find
   * it, without starting a process; null when it names nothing. The caller refuses names with control characters.
   */
  async resolve(name: string): Promise<{ oid: string; type: string } | null> {
    const found = await this.request(name, -1);
    return found && { oid: found.oid, type: found.type };
  }

  private request(name: string, maxBytes: number): Promise<Found | null> {
    if (this.closing) return Promise.reject(new Error('the git object reader is closed'));
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.answers.pending.push({ maxBytes, resolve, reject });
      if (this.answers.pending.length === 1) this.hold(true);
      child.stdin.write(`${name}\n`);
    });
  }

  /** Ends the process (pending reads fail) and waits for it to exit. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      this.hold(true);
      child.stdin.end();
      // git exits on the end of its input; one that hangs (a stuck filesystem) is not waited for long.
      const timer = setTimeout(() => child.kill(), 5000);
      timer.unref();
      child.once('close', () => clearTimeout(timer));
    });
    return this.closing;
  }

  /** The process id while one runs (tests check that it ended). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    const stderr = gitStderr(child, 'git cat-file');
    child.stdout.on('data', (chunk: Buffer) => this.answers.receive(chunk));
    child.on('error', (error) => {
      if (this.child === child) this.child = null;
      this.answers.fail(new Error(`git cat-file could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      if (this.child === child) this.child = null;
      this.answers.fail(
        new Error(this.closing ? 'the git object reader was closed before the read ended' : `git cat-file ended early: ${stderr.why(code, signal)}`),
      );
    });
    this.hold(false);
    return child;
  }

  /** Keeps Node alive while reads wait for git, and lets it exit while idle. */
  private hold(busy: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref(): void; unref(): void }[]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }
}

/** How often a batch's file is measured while its git writes, to stop git past `maxTotal`. */
const WATCH_MS = 5;

/**
 * A batch through a `git cat-file --batch` of its own whose output goes to a file in `dir` (a private temporary
 * folder), read back once git has ended; the folder is removed however the read ends. Past `maxTotal` bytes in the
 * file git is stopped: what it had not answered is `NotRead`.
 */
async function readThroughFile(cwd: string, dir: string, requests: readonly ObjectRequest[], maxTotal: number): Promise<(Found | null | NotRead)[]> {
  try {
    const file = await open(join(dir, 'batch'), 'w+');
    try {
      let stopped = false;
      await new Promise<void>((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', file.fd, 'pipe'], windowsHide: true });
        const stderr = gitStderr(child, 'git cat-file');
        // Without sizes before the read (a listing does not give them), a batch could fill the disk with bodies the
        // budget then skips: the file is measured as git writes it, and git stopped once it passes what is left.
        const watch = Number.isFinite(maxTotal)
          ? setInterval(() => {
              void file.stat().then(
                ({ size }) => {
                  if (size > maxTotal && child.exitCode === null) {
                    stopped = true;
                    child.kill();
                  }
                },
                () => undefined,
              );
            }, WATCH_MS)
          : null;
        child.on('error', (error) => reject(new Error(`git cat-file could not start: ${error.message}`)));
        child.on('close', (code, signal) => {
          if (watch) clearInterval(watch);
          if (code === 0 || stopped) resolve();
          else reject(new Error(`git cat-file failed: ${stderr.why(code, signal)}`));
        });
        child.stdin!.end(requests.map((r) => `${r.oid}\n`).join(''));
      });
      const found: (Found | null | NotRead)[] = [];
      const answers = new AnswerReader();
      // Nothing here fails a request: a short file is the error below.
      for (const { maxBytes, admit } of requests) answers.pending.push({ maxBytes, admit, resolve: (f) => found.push(f), reject: () => undefined });
      const chunk = Buffer.allocUnsafe(READ_BACK_BYTES);
      for (let position = 0; answers.pending.length;) {
        const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
        if (!bytesRead) {
          if (!stopped) throw new Error(`git cat-file ended after ${found.length} of ${requests.length} answers`);
          // Where git was stopped: the answer it was writing and the ones after it.
          for (let i = found.length; i < requests.length; i++) found.push(new NotRead(requests[i]!.oid));
          break;
        }
        answers.receive(chunk.subarray(0, bytesRead));
        position += bytesRead;
      }
      return found;
    } finally {
      await file.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
