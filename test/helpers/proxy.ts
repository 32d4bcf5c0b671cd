import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/** What the proxy saw of one tunnel: the target asked for and the credentials sent. */
interface ProxiedConnect {
  target: string;
  authorization: string | undefined;
}

export interface RecordingProxy {
  url: string;
  connects: ProxiedConnect[];
  stop(): Promise<void>;
}

/**
 * A forward proxy on loopback as HTTPS_PROXY names one: it opens CONNECT tunnels (what undici's ProxyAgent asks
 * for, for http and https targets alike) and records each. Like a proxy with its own DNS, it sends every target
 * host to 127.0.0.1 on the port asked for, so tests can use names (`api.github.test`) that only it resolves —
 * names nothing else could reach, which proves the request went through it.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const connects: ProxiedConnect[] = [];
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end('this proxy only tunnels');
  });
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    connects.push({ target, authorization: req.headers['proxy-authorization'] });
    const port = Number(target.split(':').at(-1));
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
