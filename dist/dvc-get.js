import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);

// src/dvc/data/remotes/s3-get.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { parentPort, workerData } from "node:worker_threads";

// src/util/node-crypto.ts
function nodeCrypto() {
  return process.getBuiltinModule("node:crypto");
}

// src/dvc/data/cache.ts
import { closeSync, createReadStream, fchmodSync, mkdirSync, openSync, renameSync, rmSync, writevSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

// src/util/errors.ts
var UserError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UserError";
  }
};

// src/dvc/data/errors.ts
var DataError = class extends UserError {
  constructor(message) {
    super(message);
    this.name = "DataError";
  }
};
var ObjectError = class extends DataError {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
    this.name = "ObjectError";
  }
  kind;
};

// src/dvc/data/hash.ts
var DOS2UNIX_CHUNK = 1024 * 1024;
var ObjectHasher = class {
  constructor(legacy) {
    this.legacy = legacy;
  }
  legacy;
  hash = nodeCrypto().createHash("md5");
  /** Legacy only: the bytes of an unfinished 1 MiB block, and the scratch its CRLF-free form is written to. */
  pending = null;
  pendingBytes = 0;
  scratch = null;
  update(chunk) {
    if (!this.legacy) {
      this.hash.update(chunk);
      return;
    }
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pendingBytes) {
      const fill = Math.min(DOS2UNIX_CHUNK - this.pendingBytes, data.length);
      data.copy(this.pending, this.pendingBytes, 0, fill);
      this.pendingBytes += fill;
      data = data.subarray(fill);
      if (this.pendingBytes < DOS2UNIX_CHUNK) return;
      this.block(this.pending);
      this.pendingBytes = 0;
    }
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
  digest() {
    if (this.legacy && this.pendingBytes) this.block(this.pending.subarray(0, this.pendingBytes));
    return this.hash.digest("hex");
  }
  block(chunk) {
    if (!isTextBlock(chunk.subarray(0, 512))) {
      this.hash.update(chunk);
      return;
    }
    this.scratch ??= Buffer.allocUnsafe(DOS2UNIX_CHUNK);
    this.hash.update(this.scratch.subarray(0, dos2unixInto(chunk, this.scratch)));
  }
};
function isTextBlock(block) {
  if (!block.length) return true;
  let nontext = 0;
  for (const b of block) {
    if (b === 0) return false;
    if (!(b >= 32 && b < 127 || b === 10 || b === 13 || b === 9 || b === 12 || b === 8)) nontext++;
  }
  return nontext / block.length <= 0.3;
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function dos2unixInto(chunk, out) {
  const len = chunk.length;
  let n = 0;
  let i = 0;
  const copy = (end) => {
    for (; i < end; i++) {
      const b = chunk[i];
      if (b !== 13 || chunk[i + 1] !== 10) out[n++] = b;
    }
  };
  if (LITTLE_ENDIAN) {
    copy(Math.min(len, (4 - chunk.byteOffset % 4) % 4));
    const words = len - i >> 2;
    const input = new Uint32Array(chunk.buffer, chunk.byteOffset + i, words);
    const output = new DataView(out.buffer, out.byteOffset, out.length);
    for (let w = 0; w < words; w++) {
      const word = input[w];
      const x = word ^ 218959117;
      if ((x - 16843009 & ~x & 2155905152) === 0) {
        output.setUint32(n, word, true);
        n += 4;
        i += 4;
      } else copy(i + 4);
    }
  }
  copy(len);
  return n;
}

// src/dvc/data/cache.ts
var CACHE_MODE = 292;
var WRITE_BATCH = 256 * 1024;
var ObjectFileWriter = class {
  constructor(target, oid, legacy, from) {
    this.target = target;
    this.oid = oid;
    this.from = from;
    this.tmp = join(dirname(target), `.${nodeCrypto().randomBytes(12).toString("hex")}.tmp`);
    this.hasher = new ObjectHasher(legacy);
    try {
      this.fd = openSync(this.tmp, "wx", CACHE_MODE);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
      mkdirSync(dirname(target), { recursive: true });
      this.fd = openSync(this.tmp, "wx", CACHE_MODE);
    }
    if (umask() & CACHE_MODE) fchmodSync(this.fd, CACHE_MODE);
  }
  target;
  oid;
  from;
  tmp;
  hasher;
  fd;
  batch = [];
  batched = 0;
  size = 0;
  write(chunk) {
    this.hasher.update(chunk);
    this.size += chunk.length;
    this.batch.push(chunk);
    this.batched += chunk.length;
    if (this.batched >= WRITE_BATCH) this.flush();
  }
  /** Closes the file and, when its md5 is the object's, renames it into place; else leaves nothing behind. */
  finish() {
    try {
      this.flush();
      closeSync(this.fd);
      this.fd = void 0;
      const actual = this.hasher.digest();
      if (actual !== this.oid.replace(/\.dir$/, "")) throw new ObjectError(`corrupt: ${this.from} sent ${this.size} bytes whose md5 is ${actual}`, "corrupt");
      renameSync(this.tmp, this.target);
      return this.size;
    } catch (error) {
      this.abort();
      throw error;
    }
  }
  abort() {
    if (this.fd !== void 0) closeSync(this.fd);
    this.fd = void 0;
    rmSync(this.tmp, { force: true });
  }
  flush() {
    let rest = this.batch;
    while (rest.length) {
      let written = writevSync(this.fd, rest);
      let i = 0;
      while (i < rest.length && written >= rest[i].length) written -= rest[i++].length;
      rest = rest.slice(i);
      if (written && rest.length) rest[0] = rest[0].subarray(written);
    }
    this.batch = [];
    this.batched = 0;
  }
};
var processUmask;
function umask() {
  return processUmask ??= process.umask();
}

// src/dvc/data/checkout.ts
import { chmodSync, constants, copyFileSync, createReadStream as createReadStream2, rmSync as rmSync2 } from "node:fs";
import { basename as basename2, dirname as dirname2, join as join2, relative as relative2, resolve, sep as sep2 } from "node:path";
var WORK_DIR = join2("tmp", "mlreport-checkout");
function copyStaged(from, to) {
  try {
    copyFileSync(from, to.file, constants.COPYFILE_FICLONE);
    chmodSync(to.file, to.mode);
  } catch {
    rmSync2(to.file, { force: true });
  }
}

// src/dvc/data/remotes/s3-get.ts
var options = workerData;
var agent = { keepAlive: true, maxSockets: options.maxSockets };
var httpAgent = new HttpAgent(agent);
var httpsAgent = new HttpsAgent({ ...agent, rejectUnauthorized: options.rejectUnauthorized });
parentPort.on("message", (job) => {
  void run(job).then((result) => parentPort.postMessage(result));
});
async function run(job) {
  const response = await send(job).catch(() => void 0);
  if (response?.statusCode !== 200) {
    response?.resume();
    const redirect = !!response && (response.statusCode === 301 || response.statusCode === 307 || !!response.headers["x-amz-bucket-region"]);
    return { id: job.id, fallback: true, redirect };
  }
  try {
    const size = await receive(job, response);
    if (job.copy) copyStaged(job.file, job.copy);
    return { id: job.id, size };
  } catch (error) {
    const e = error instanceof ObjectError ? error : new ObjectError(`writing ${job.file}: ${error.message}`, "failed");
    return { id: job.id, error: e.message, kind: e.kind };
  }
}
async function receive(job, response) {
  const writer = new ObjectFileWriter(job.file, job.oid, job.legacy, job.from);
  try {
    for await (const chunk of response) writer.write(chunk);
  } catch (error) {
    writer.abort();
    throw new ObjectError(`reading it from ${job.from} broke off: ${error.code ?? error.message}`, "unreachable");
  }
  return writer.finish();
}
function send(job) {
  return new Promise((resolve2, reject) => {
    const request = { hostname: job.hostname, port: job.port, path: job.path, headers: job.headers };
    const req = job.https ? httpsRequest({ ...request, agent: httpsAgent }, resolve2) : httpRequest({ ...request, agent: httpAgent }, resolve2);
    req.on("error", reject);
    const { connectTimeoutMs, readTimeoutMs } = options;
    if (connectTimeoutMs) {
      req.on("socket", (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => req.destroy(new Error("connection timed out")), connectTimeoutMs);
        socket.once("connect", () => clearTimeout(timer));
      });
    }
    if (readTimeoutMs) req.setTimeout(readTimeoutMs, () => req.destroy(new Error("read timed out")));
    req.end();
  });
}
