/** A thin HTTP client of lawtrail's API, as a browser or another system would call it. */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
  ) {}

  /** Logs the demo users in once; later calls reuse their tokens (valid 8 hours). */
  async login(...usernames: string[]): Promise<void> {
    for (const username of usernames) {
      if (this.tokens.has(username)) continue;
      const r = await this.call('POST', '/api/v1/auth/login', undefined, { username, password: this.password });
      this.tokens.set(username, r.accessToken);
    }
  }

  /** Calls the API as `user`; any answer but 2xx throws with its status and code. */
  async call<T = any>(method: string, path: string, user?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (user) headers.authorization = `Bearer ${this.tokens.get(user) ?? fail(`${user} is not logged in`)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}: ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A file as `user` downloads it (a PDF): its bytes; any answer but 2xx throws. */
  async bytes(path: string, user: string): Promise<Buffer> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.tokens.get(user) ?? fail(`${user} is not logged in`)}` },
    });
    if (!res.ok) throw new Error(`GET ${path.replace(/[0-9a-f-]{36}/g, ':id')}: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
}

function fail(message: string): never {
  throw new Error(message);
}
