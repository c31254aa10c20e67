import { MongoServerError } from 'mongodb';

/** True when a write failed only because the `_id` (or a unique key) is taken. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
