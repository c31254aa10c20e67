import type http from 'node:http';
import { refusal } from './refusal';

/**
 * Reads the body up to `limit` bytes. Past the limit it keeps draining (so the client can read the
 * 413 rather than a reset) up to a hard ceiling, then cuts the connection.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > limit * 4 + 65_536) {
          resolve('too-large');
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw refusal(400, 'BAD_REQUEST', 'The request body is not valid UTF-8.');
  }
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refusal(400, 'BAD_REQUEST', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}
