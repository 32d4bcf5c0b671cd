// DVC data layer: pull N files from a local S3 server (s3rver, in its own process) with mlreport's S3 remote,
// against `aws s3 sync` of the same prefix, side by side in one run; then the same pull on a warm cache, with the
// server's own count of the requests it received. Target (issue 12): at least as fast as `aws s3 sync`, and zero
// requests on a warm cache. Also timed: the same GETs with the bodies discarded (no md5, no cache write), which
// says how much of a pull is the HTTP path against the server and how much is verifying and storing.
//
// Default: 200 files / 64 MiB, a couple of minutes at most on a 2-core machine. The size:
//   DVC_BENCH_FILES=1000 DVC_BENCH_MIB=1024 npm run bench dvc-data     (DVC_BENCH_JOBS=N to try another `jobs`)
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { Cache, dirManifest, openRemote, pull } from '../src/dvc/data/index';
import { tempDir } from '../test/helpers/repo';

const FILES = Number(process.env.DVC_BENCH_FILES ?? 200);
const MIB = Number(process.env.DVC_BENCH_MIB ?? 64);
/** Transfers at once; the remote's default (DVC's 4 × CPUs) when unset. */
const JOBS = process.env.DVC_BENCH_JOBS ? Number(process.env.DVC_BENCH_JOBS) : undefined;
const KEYS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_DEFAULT_REGION: 'us-east-1' };
const execFileAsync = promisify(execFile);

/** s3rver in a child process, so the server never shares an event loop with the client being measured. */
async function startServer(dir: string): Promise<{ endpoint: string; count: () => Promise<number>; stop: () => void }> {
  const script = `
    const S3rver = require('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: ${JSON.stringify(dir)}, configureBuckets: [{ name: 'bench' }] });
    let n = 0;
    server.run().then((a) => {
      server.httpServer.on('request', () => n++);
      console.log('port ' + a.port);
      require('readline').createInterface({ input: process.stdin }).on('line', () => console.log('count ' + n));
    });`;
  // s3rver's ListObjectsV2 continuation tokens use DES, which OpenSSL 3 only offers through its legacy provider;
  // without it every listing past 1,000 keys (aws s3 sync of the 1,000 files + .dir) fails.
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = (): Promise<string> => new Promise((resolve) => lines.once('line', resolve));
  const port = (await next()).split(' ')[1];
  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: async () => {
      const answer = next();
      child.stdin.write('count\n');
      return Number((await answer).split(' ')[1]);
    },
    stop: () => child.kill(),
  };
}

/** Reads every key's body and drops it, `remote.jobs` at a time. */
async function readAll(remote: ReturnType<typeof openRemote>, keys: string[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) for await (const _chunk of await remote.read(keys[next++]!));
  };
  await Promise.all(Array.from({ length: remote.jobs }, worker));
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [(performance.now() - start) / 1000, value];
}

if (spawnSync('aws', ['--version']).status !== 0) {
  console.log('skipped: awscli is not installed (apt-get install -y awscli)');
  process.exit(0);
}

const dir = tempDir('mlreport-bench-dvc-');
const server = await startServer(join(dir, 's3rver'));
try {
  // A dataset of FILES files totalling MIB MiB, laid out as DVC 3 objects plus its .dir manifest.
  const layout = join(dir, 'layout');
  const size = Math.floor((MIB * 1024 * 1024) / FILES);
  const entries = [];
  for (let i = 0; i < FILES; i++) {
    const bytes = randomBytes(size);
    const md5 = createHash('md5').update(bytes).digest('hex');
    mkdirSync(join(layout, md5.slice(0, 2)), { recursive: true });
    writeFileSync(join(layout, md5.slice(0, 2), md5.slice(2)), bytes);
    entries.push({ relpath: `part-${String(i).padStart(5, '0')}.bin`, md5 });
  }
  const manifest = dirManifest(entries);
  mkdirSync(join(layout, manifest.oid.slice(0, 2)), { recursive: true });
  writeFileSync(join(layout, manifest.oid.slice(0, 2), manifest.oid.slice(2)), manifest.bytes);
  const env = { ...process.env, ...KEYS, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  const aws = (args: string[]) => execFileAsync('aws', ['--endpoint-url', server.endpoint, ...args], { env, maxBuffer: 1 << 26 });
  await aws(['s3', 'sync', '--only-show-errors', layout, 's3://bench/project/files/md5']);
  console.log(`dataset: ${FILES} files, ${MIB} MiB, in s3://bench/project on s3rver (${server.endpoint})`);

  const remote = openRemote(
    {
      name: 'bench',
      url: 's3://bench/project',
      options: { endpointurl: server.endpoint, access_key_id: 'S3RVER', secret_access_key: 'S3RVER' },
      files: [],
    },
    { jobs: JOBS },
  );
  let ours = Infinity;
  let theirs = Infinity;
  let gets = Infinity;
  const keys = entries.map((e) => `files/md5/${e.md5.slice(0, 2)}/${e.md5.slice(2)}`);
  // Alternate the two, two rounds each, and keep each one's best.
  for (let round = 0; round < 2; round++) {
    const target = join(dir, `aws-${round}`);
    const [t] = await timed(() => aws(['s3', 'sync', '--only-show-errors', 's3://bench/project/files/md5', target]));
    theirs = Math.min(theirs, t);
    gets = Math.min(gets, (await timed(() => readAll(remote, keys)))[0]);
    const cache = new Cache(join(dir, `cache-${round}`));
    const [o, result] = await timed(() => pull(cache, remote, [{ oid: manifest.oid, path: 'data' }]));
    if (result.downloaded !== FILES + 1) throw new Error(`pulled ${result.downloaded} objects, expected ${FILES + 1}`);
    ours = Math.min(ours, o);
    rmSync(target, { recursive: true, force: true });
  }
  const mibs = (t: number) => `${(MIB / t).toFixed(0)} MiB/s`;
  console.log(`pull ${FILES} files / ${MIB} MiB: mlreport ${ours.toFixed(2)} s (${mibs(ours)}, jobs ${remote.jobs})`);
  console.log(`pull ${FILES} files / ${MIB} MiB: aws s3 sync ${theirs.toFixed(2)} s (${mibs(theirs)})`);
  console.log(`pull ${FILES} files / ${MIB} MiB: mlreport's GETs alone, bodies discarded ${gets.toFixed(2)} s (${mibs(gets)})`);
  console.log(`target: mlreport ≤ aws s3 sync — ${ours <= theirs ? 'met' : 'NOT met'} (mlreport takes ${((ours / theirs) * 100).toFixed(0)}% of aws's time)`);

  const cache = new Cache(join(dir, 'cache-1'));
  const before = await server.count();
  const [warm] = await timed(() => pull(cache, remote, [{ oid: manifest.oid, path: 'data' }]));
  const requests = (await server.count()) - before;
  console.log(`warm cache: ${(warm * 1000).toFixed(0)} ms, ${requests} requests to the server (target 0 — ${requests === 0 ? 'met' : 'NOT met'})`);
  await remote.close();
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
