import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A signed-in newsroom user (or an API token) talking to the admin API in-process. */
export class AdminClient {
  cookie = '';
  csrf = '';
  bearer = '';

  constructor(private readonly server: FastifyInstance) {}

  static async setup(server: FastifyInstance, name: string, email: string, password: string): Promise<AdminClient> {
    const client = new AdminClient(server);
    const res = await client.request('POST', '/api/admin/setup', { name, email, password });
    if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
    client.take(res);
    return client;
  }

  static async login(server: FastifyInstance, email: string, password: string): Promise<AdminClient> {
    const client = new AdminClient(server);
    const res = await client.request('POST', '/api/admin/session', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    client.take(res);
    return client;
  }

  static withToken(server: FastifyInstance, secret: string): AdminClient {
    const client = new AdminClient(server);
    client.bearer = secret;
    return client;
  }

  take(res: LightMyRequestResponse): void {
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0]!;
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
  }

  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const all: Record<string, string> = { ...headers };
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrf && method !== 'GET') all['x-csrf-token'] = this.csrf;
    if (this.bearer) all.authorization = `Bearer ${this.bearer}`;
    return this.server.inject({ method, url, headers: all, ...(body === undefined ? {} : { payload: body as object }) });
  }

  /** Sends and expects a status; returns the parsed JSON. */
  async call<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, status: number): Promise<T> {
    const res = await this.request(method, url, body);
    if (res.statusCode !== status) throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode}: ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  }
}

/** A minimal multipart/form-data body with one file and some text fields. */
export function multipartBody(file: { name: string; type: string; data: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----prokash${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
