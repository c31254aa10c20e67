/**
 * Just enough of the Redis protocol (RESP2) for the bench: check that the server answers before ours is
 * given REDIS_URL, count the keys one run of ours left under its CACHE_KEY_PREFIX (that the cache really
 * went through Redis), and remove them afterwards. One command at a time over one connection.
 */
import net from 'node:net';

type Reply = string | number | null | Reply[];

export class RedisConnection {
  private buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const parsed = parse(this.buffer, 0);
        if (!parsed) break;
        this.buffer = this.buffer.subarray(parsed.end);
        const next = this.waiting.shift();
        if (parsed.error) next?.reject(new Error(`Redis: ${parsed.error}`));
        else next?.resolve(parsed.value);
      }
    });
    const fail = (error: Error) => {
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('Redis connection closed')));
  }

  static connect(url: string, timeoutMs = 3000): Promise<RedisConnection> {
    const u = new URL(url);
    if (u.protocol !== 'redis:') throw new Error(`Only redis:// URLs are supported by the bench's check, got ${url}`);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(u.port || 6379), u.hostname);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`Redis at ${u.host} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`Redis at ${u.host}: ${error.message}`));
      });
      socket.once('connect', async () => {
        clearTimeout(timer);
        const connection = new RedisConnection(socket);
        try {
          if (u.password) {
            const user = u.username ? [decodeURIComponent(u.username)] : [];
            await connection.command('AUTH', ...user, decodeURIComponent(u.password));
          }
          const db = u.pathname.replace(/^\//, '');
          if (db) await connection.command('SELECT', db);
          resolve(connection);
        } catch (error) {
          socket.destroy();
          reject(error);
        }
      });
    });
  }

  command(...args: string[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
  }

  /** Every key starting with `prefix` (SCAN, so the server is never blocked). */
  async keys(prefix: string): Promise<string[]> {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = (await this.command('SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000')) as [string, string[]];
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  }

  async deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 500) await this.command('UNLINK', ...keys.slice(i, i + 500));
  }

  close(): void {
    this.socket.end();
  }
}

function parse(buffer: Buffer, start: number): { value: Reply; error?: string; end: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[start]);
  const line = buffer.toString('utf8', start + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: after };
    case '-':
      return { value: null, error: line, end: after };
    case ':':
      return { value: Number(line), end: after };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: after };
      if (buffer.length < after + length + 2) return undefined;
      return { value: buffer.toString('utf8', after, after + length), end: after + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: after };
      const items: Reply[] = [];
      let position = after;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, position);
        if (!item) return undefined;
        items.push(item.value);
        position = item.end;
      }
      return { value: items, end: position };
    }
    default:
      throw new Error(`Redis: unexpected reply type ${JSON.stringify(type)}`);
  }
}

/** Fails with a clear message when no Redis answers at `url`. */
export async function checkRedis(url: string): Promise<string> {
  const connection = await RedisConnection.connect(url);
  try {
    const pong = await connection.command('PING');
    if (pong !== 'PONG') throw new Error(`Redis at ${url} answered PING with ${JSON.stringify(pong)}`);
    const info = (await connection.command('INFO', 'server')) as string;
    return /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown version';
  } finally {
    connection.close();
  }
}
