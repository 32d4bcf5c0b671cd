import { createWriteStream, createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * A DVC HTTP remote as DVC's HTTP remote (dvc-http over fsspec) and DagsHub's `<repo>.dvc` endpoint use it:
 * objects under `<base>/files/md5/ab/cdef…` read with GET (HEAD answered too), written with POST or PUT whose
 * body is the object's raw bytes (not multipart), HTTP basic auth on every request (401 without it, 403 with
 * the wrong password). Files live in `dir` so tests can lay them out and inspect them with other tools.
 */
export class DvcHttpServer {
  readonly requests: { method: string; path: string }[] = [];
  private server!: Server;
  url = '';

  constructor(
    private readonly dir: string,
    private readonly base: string,
    private readonly user: string,
    private readonly password: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.base}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    this.requests.push({ method: req.method!, path });
    const auth = req.headers.authorization;
    if (!auth?.startsWith('Basic ')) {
      req.resume();
      res.writeHead(401, { 'www-authenticate': 'Basic realm="DVC"' }).end('unauthorized');
      return;
    }
    const [user, ...rest] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    if (user !== this.user || rest.join(':') !== this.password) {
      req.resume();
      res.writeHead(403).end('forbidden');
      return;
    }
    if (!path.startsWith(`${this.base}/`) || path.includes('..')) {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    const file = join(this.dir, path.slice(this.base.length + 1));
    if (req.method === 'GET' || req.method === 'HEAD') {
      const s = await stat(file).catch(() => undefined);
      if (!s?.isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-length': s.size, 'content-type': 'application/octet-stream' });
      if (req.method === 'HEAD') res.end();
      else await pipeline(createReadStream(file), res);
      return;
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.upload`;
      await pipeline(req, createWriteStream(tmp));
      await rename(tmp, file);
      res.writeHead(200).end();
      return;
    }
    res.writeHead(405).end();
  }
}
