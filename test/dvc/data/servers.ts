import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/ports';

const execFileAsync = promisify(execFile);

// s3rver ships no type declarations; this is the part of its API the tests use.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export const S3RVER_KEYS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_DEFAULT_REGION: 'us-east-1' };

/** A real S3-compatible server (s3rver) on loopback, storing into `dir`, with `buckets` created. */
export async function startS3rver(dir: string, buckets: string[]): Promise<{ endpoint: string; requests: () => number; stop: () => Promise<void> }> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: buckets.map((name) => ({ name })) });
  const address = await server.run();
  let requests = 0;
  // Every HTTP request the server receives, counted at its socket layer, independently of our client.
  const http = (server as unknown as { httpServer: import('node:http').Server }).httpServer;
  http.on('request', () => requests++);
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    requests: () => requests,
    stop: async () => {
      http.closeAllConnections();
      await server.close();
    },
  };
}

/** Debian's `awscli` (`aws`), the independent S3 client of these tests; null when it is not installed. */
export function awsCli(): string | null {
  return spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0 ? 'aws' : null;
}

/** Runs awscli against `endpoint` asynchronously: the server under test answers from this same process. */
export async function aws(endpoint: string, args: string[]): Promise<string> {
  const env = { ...process.env, ...S3RVER_KEYS, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  try {
    return (await execFileAsync('aws', ['--endpoint-url', endpoint, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    throw new Error(`aws ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

/** A throwaway self-signed key and certificate for 127.0.0.1, made with openssl; null when openssl is not installed. */
export function selfSignedCert(dir: string): { key: Buffer; cert: Buffer } | null {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1', '-days', '1']);
  return made.status === 0 ? { key: readFileSync(key), cert: readFileSync(cert) } : null;
}

/** Microsoft's Azure Storage emulator (azurite), its blob service only, on a free loopback port. */
export async function startAzurite(location: string): Promise<{ connectionString: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const bin = join(fileURLToPath(new URL('../../../node_modules/.bin/', import.meta.url)), 'azurite-blob');
  const child: ChildProcess = spawn(
    bin,
    ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--skipApiVersionCheck', '--silent', '--loose', '--disableTelemetry'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!/successfully listens/i.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`azurite did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Azurite's documented well-known development account.
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    stop: async () => {
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}
