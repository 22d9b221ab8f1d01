import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the simulator received it (query and body already decoded to text). */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/sns/jscode2session`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw body as UTF-8 text ('' when none). */
  body: string;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 with a random port, answering like one of the platforms'
 * gateways. Subclasses implement `handle`; this class records every request (for assertions such
 * as "the access token was fetched once") and can be told to fail the next requests.
 */
export abstract class HttpSimulator {
  /** Every request received since start (or the last `clearRequests()`), oldest first. */
  readonly requests: RecordedRequest[] = [];
  private server?: Server;
  private readonly forced: SimResponse[] = [];
  private url?: string;

  /** Base URL of the running server; throws when not started. */
  get baseUrl(): string {
    if (!this.url) throw new Error(`${this.constructor.name} is not started`);
    return this.url;
  }

  /** How many requests hit `path` (exact match, query ignored). */
  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** The next `times` requests get HTTP `status` with a plain-text body (a broken gateway, a proxy error…). */
  failNext(status = 503, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.forced.push({ status, headers: { 'content-type': 'text/plain' }, body: `simulated failure ${status}` });
    }
  }

  /** The next `times` requests get HTTP 200 with this JSON body, whatever they ask (e.g. `{errcode: 45011, …}`). */
  answerNext(body: unknown, times = 1): void {
    for (let i = 0; i < times; i++) this.forced.push(this.json(body));
  }

  async start(): Promise<RunningSimulator> {
    if (this.server) throw new Error(`${this.constructor.name} already started`);
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.requests.push(recorded);
        const send = (r: SimResponse) => {
          res.writeHead(r.status ?? 200, r.headers ?? {});
          res.end(r.body);
        };
        const forced = this.forced.shift();
        if (forced) {
          send(forced);
          return;
        }
        Promise.resolve()
          .then(() => this.handle(recorded))
          .then(send, (err: unknown) => send({ status: 500, headers: { 'content-type': 'text/plain' }, body: String(err) }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return { baseUrl: this.url, close: () => this.close() };
  }

  /** Stops listening and drops kept-alive connections, so clients see "connection refused" afterwards. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  protected abstract handle(req: RecordedRequest): SimResponse | Promise<SimResponse>;

  protected json(body: unknown, status = 200): SimResponse {
    return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
  }

  protected parseJsonBody(req: RecordedRequest): Record<string, unknown> | null {
    try {
      const v: unknown = JSON.parse(req.body);
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
}

/** A short random id like the `rid` WeChat appends to error messages. */
export function randomId(len = 16): string {
  return randomBytes(Math.ceil(len / 2)).toString('hex').slice(0, len);
}
