import type { LocalServer } from '../../stack/local-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__LOCAL_DB__ as LocalServer | undefined;
  await server?.stop();
}
