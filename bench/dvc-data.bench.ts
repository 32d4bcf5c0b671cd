// DVC data layer: pull N files from a local S3 server (s3rver, in its own process) with the shipped CLI — a whole
// `node dist/cli.js pull` process on a project whose `data.dvc` names the dataset — beside Debian's `aws s3 sync` of
// the same prefix, alternated round by round so that the machine's load touches both alike; the verdict is on the
// medians of wall time. Then the same pull on a warm cache, with the server's own count of the requests it received.
// Target (issue 12): at least as fast as `aws s3 sync`, and zero requests on a warm cache. Printed beside: each
// side's CPU (the client process and what it started) and the server's, and the load average during the runs.
//
// Default: 200 files / 64 MiB, 3 rounds, a couple of minutes at most on a 2-core machine. The issue's size:
//   DVC_BENCH_FILES=1000 DVC_BENCH_MIB=1024 npm run bench dvc-data
// (DVC_BENCH_ROUNDS=N for more rounds, DVC_BENCH_JOBS=N to pass `-j N` to the pull).
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { dirManifest } from '../src/dvc/data/index';
import { tempDir } from '../test/helpers/repo';
import { measure, median, verdict, type Run } from './measure';

const FILES = Number(process.env.DVC_BENCH_FILES ?? 200);
const MIB = Number(process.env.DVC_BENCH_MIB ?? 64);
const ROUNDS = Number(process.env.DVC_BENCH_ROUNDS ?? 3);
const JOBS = process.env.DVC_BENCH_JOBS ? ['-j', process.env.DVC_BENCH_JOBS] : [];
const CLI = resolve('dist/cli.js');
// Both clients find the server's keys where every AWS client looks, and no one's own AWS configuration.
Object.assign(process.env, {
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
});
const execFileAsync = promisify(execFile);

/** s3rver in a child process, so the server never shares an event loop with the client being measured. */
async function startServer(dir: string): Promise<{ endpoint: string; count: () => Promise<number>; cpuMs: () => number; stop: () => void }> {
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
  // without it every listing past 1,000 keys (aws s3 sync of the issue's 1,000 files + .dir) fails.
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
    // utime + stime from /proc (Linux): the server is a third process competing for the same cores.
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    stop: () => child.kill(),
  };
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
  await execFileAsync('aws', ['--endpoint-url', server.endpoint, 's3', 'sync', '--only-show-errors', layout, 's3://bench/project/files/md5'], {
    maxBuffer: 1 << 26,
  });
  console.log(`dataset: ${FILES} files, ${MIB} MiB, in s3://bench/project on s3rver (${server.endpoint})`);

  // A DVC 3 project whose data.dvc tracks the dataset as `data/`, on an S3 remote at the server.
  const project = join(dir, 'project');
  mkdirSync(join(project, '.dvc'), { recursive: true });
  writeFileSync(
    join(project, '.dvc', 'config'),
    `[core]\n    remote = s3\n['remote "s3"']\n    url = s3://bench/project\n    endpointurl = ${server.endpoint}\n`,
  );
  writeFileSync(join(project, 'data.dvc'), `outs:\n- md5: ${manifest.oid}\n  nfiles: ${FILES}\n  hash: md5\n  path: data\n`);
  const pullArgs = [CLI, 'pull', '--cwd', project, ...JOBS];
  const awsArgs = ['--endpoint-url', server.endpoint, 's3', 'sync', '--only-show-errors', 's3://bench/project/files/md5', join(dir, 'aws')];

  const ours: Run[] = [];
  const theirs: Run[] = [];
  const serverMs = { ours: [] as number[], theirs: [] as number[] };
  const loads: number[] = [];
  const side = (name: 'ours' | 'theirs'): void => {
    // Each run starts empty: no cache and no workspace copy for the pull, no target folder for the sync.
    if (name === 'ours') {
      rmSync(join(project, '.dvc', 'cache'), { recursive: true, force: true });
      rmSync(join(project, 'data'), { recursive: true, force: true });
    } else rmSync(join(dir, 'aws'), { recursive: true, force: true });
    loads.push(loadavg()[0]!);
    const before = server.cpuMs();
    const run = name === 'ours' ? measure(process.execPath, pullArgs) : measure('aws', awsArgs);
    serverMs[name].push(server.cpuMs() - before);
    (name === 'ours' ? ours : theirs).push(run);
    // The pull's workspace copy holds the files; the sync's folder holds them and the .dir manifest.
    const got = countFiles(name === 'ours' ? join(project, 'data') : join(dir, 'aws'));
    const expected = name === 'ours' ? FILES : FILES + 1;
    if (got !== expected) throw new Error(`${name === 'ours' ? 'mlreport pull' : 'aws s3 sync'} left ${got} entries, expected ${expected}`);
  };
  // Alternated, and each round in the other order, so neither side always runs second (e.g. on a warmer server).
  for (let round = 0; round < ROUNDS; round++) for (const name of round % 2 ? (['theirs', 'ours'] as const) : (['ours', 'theirs'] as const)) side(name);
  loads.push(loadavg()[0]!);

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const line = (runs: Run[], server: number[]) =>
    `median ${s(median(runs.map((r) => r.wallMs)))} wall (${runs.map((r) => (r.wallMs / 1000).toFixed(1)).join(', ')}), ${s(median(runs.map((r) => r.cpuMs)))} CPU; the server ${s(median(server))} CPU`;
  console.log(
    `pull ${FILES} files / ${MIB} MiB, ${ROUNDS} rounds alternated, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} CPUs`,
  );
  console.log(`  mlreport pull (dist/cli.js, whole process${JOBS.length ? `, -j ${JOBS[1]}` : ''}): ${line(ours, serverMs.ours)}`);
  console.log(`  aws s3 sync: ${line(theirs, serverMs.theirs)}`);
  verdict(
    `pull ${FILES} files / ${MIB} MiB from s3rver, mlreport pull vs aws s3 sync (median wall)`,
    median(ours.map((r) => r.wallMs)) / 1000,
    median(theirs.map((r) => r.wallMs)) / 1000,
    1,
    's',
  );

  // The cache and the workspace hold the dataset from the last pull: another must not ask the server for anything.
  const before = await server.count();
  const warm = measure(process.execPath, pullArgs);
  const requests = (await server.count()) - before;
  console.log(`${requests === 0 ? 'PASS' : 'FAIL'}  warm cache: ${warm.wallMs.toFixed(0)} ms wall, ${requests} requests to the server (target 0)`);
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}

function countFiles(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(folder, e.name)) : 1), 0);
}
