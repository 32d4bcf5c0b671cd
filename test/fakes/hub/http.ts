import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake does instead of answering: drop the connection, or answer with this status. */
export type FaultAction = 'drop' | { status: number; headers?: Record<string, string>; body?: unknown };

export interface Fault {
  method?: string;
  /** Matched against the path (no query); every path when absent. */
  path?: RegExp;
  /** How many matching requests get the fault (Infinity: all). */
  times: number;
  action: FaultAction;
}

/** Faults to inject into a fake's next matching requests, in the order added. */
export class FaultQueue {
  private readonly faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The action for this request, consuming one use of the first matching fault. */
  take(method: string, path: string): FaultAction | null {
    const fault = this.faults.find((f) => f.times > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    if (!fault) return null;
    fault.times--;
    return fault.action;
  }
}

/** Applies a fault; true when the request was handled (dropped or answered). */
export function applyFault(action: FaultAction | null, req: IncomingMessage, res: ServerResponse): boolean {
  if (!action) return false;
  if (action === 'drop') {
    req.socket.destroy();
    return true;
  }
  sendJson(res, action.status, action.body ?? { message: `injected ${action.status}` }, action.headers);
  return true;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
  res.end(text);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts a server on 127.0.0.1 at a free port; returns its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export { createServer };
