import { refusal } from './refusal';

/**
 * JSON from clients, bounded before anything recurses into it. `JSON.parse` itself is iterative, but
 * everything after it (variable checks, canonical cache keys, Apollo's coercion, subgraph requests)
 * walks the value recursively, and thousands of nesting levels there are a stack overflow (a 500). So
 * the text is first scanned once, linearly and without recursion, for its nesting depth, its number
 * of members (object keys plus array items) and duplicate keys; only then is it parsed.
 */
export interface JsonLimits {
  /** Deepest nesting of objects and arrays (MAX_JSON_DEPTH). */
  maxDepth: number;
  /** Most members in the whole text: object keys plus array items (MAX_JSON_MEMBERS). */
  maxMembers: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxMembers: 10_000 };

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Checks the limits and refuses duplicate keys (parsers disagree on which one wins, so a duplicate can
 * only be an attempt to show the gateway one value and a subgraph another). Malformed JSON is left to
 * `JSON.parse`, which reports it with its position.
 */
export function scanJson(text: string, what: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): void {
  // Per open container: an object's key set (created lazily, only for objects with 2+ keys) or null for arrays.
  const stack: (Set<string> | string | null | undefined)[] = [];
  const isObject: boolean[] = [];
  let members = 0;
  // True right after `[` or `,` inside an array: the next value's first character counts one item.
  let arrayStart = false;
  const countArrayItem = (): void => {
    if (arrayStart) {
      arrayStart = false;
      if (++members > limits.maxMembers) throw tooMany(what, limits);
    }
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      countArrayItem();
      // A string: find its end, then see whether it is a key (followed by a colon inside an object).
      const start = i;
      i++;
      let escaped = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i += 2;
          continue;
        }
        if (d === QUOTE) break;
        i++;
      }
      const end = i; // index of the closing quote (or n when unterminated)
      i++;
      const depth = isObject.length;
      if (depth > 0 && isObject[depth - 1]) {
        let j = i;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j < n && text.charCodeAt(j) === COLON) {
          if (++members > limits.maxMembers) throw tooMany(what, limits);
          let key = text.slice(start + 1, end);
          if (escaped) {
            try {
              key = JSON.parse(text.slice(start, end + 1)) as string;
            } catch {
              return; // malformed: JSON.parse reports it
            }
          }
          const seen = stack[depth - 1];
          if (seen === undefined) stack[depth - 1] = key;
          else if (typeof seen === 'string') {
            if (seen === key) throw duplicate(what, key);
            stack[depth - 1] = new Set([seen, key]);
          } else if (seen) {
            if (seen.has(key)) throw duplicate(what, key);
            seen.add(key);
          }
        }
      }
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      countArrayItem();
      if (isObject.length >= limits.maxDepth) {
        throw refusal(400, 'BAD_REQUEST', `${what} is nested more than ${limits.maxDepth} levels deep; the most is ${limits.maxDepth} (MAX_JSON_DEPTH).`, {
          limit: limits.maxDepth,
        });
      }
      isObject.push(c === OPEN_OBJECT);
      stack.push(c === OPEN_OBJECT ? undefined : null);
      arrayStart = c === OPEN_ARRAY;
      i++;
      continue;
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      isObject.pop();
      stack.pop();
      arrayStart = false;
      i++;
      continue;
    }
    if (c === COMMA) {
      if (isObject.length > 0 && !isObject[isObject.length - 1]) arrayStart = true;
      i++;
      continue;
    }
    if (!isSpace(c) && c !== COLON) countArrayItem();
    i++;
  }
}

function tooMany(what: string, limits: JsonLimits) {
  return refusal(
    400,
    'BAD_REQUEST',
    `${what} has more than ${limits.maxMembers} members (object keys and array items); the most is ${limits.maxMembers} (MAX_JSON_MEMBERS).`,
    {
      limit: limits.maxMembers,
    },
  );
}

function duplicate(what: string, key: string) {
  const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  return refusal(400, 'BAD_REQUEST', `${what} has the key ${JSON.stringify(shown)} twice in one object: send each key once.`);
}

/** Scans (limits, duplicate keys), then parses; any problem is a 400 naming `what` and the limit. */
export function parseBoundedJson(text: string, what: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): unknown {
  scanJson(text, what, limits);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refusal(400, 'BAD_REQUEST', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}
