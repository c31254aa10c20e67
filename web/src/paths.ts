/** The dashboard's URLs (the gateway serves the app under /dashboard/). */
export const BASE = '/dashboard';
export const registryPath = () => `${BASE}/`;
export const cityPath = (id: string) => `${BASE}/cities/${encodeURIComponent(id)}`;
export const gapPath = (id: string, year?: number, target?: string) => {
  const q = new URLSearchParams();
  if (year) q.set('year', String(year));
  if (target) q.set('target', target);
  return `${BASE}/cities/${encodeURIComponent(id)}/gap${q.size ? `?${q}` : ''}`;
};
export const inProgressPath = () => `${BASE}/in-progress`;
/** The sign-in page; after signing in it goes back to `next` (a dashboard path). */
export const signInPath = (next?: string) => `${BASE}/sign-in${next ? `?${new URLSearchParams({ next })}` : ''}`;

/** The gateway's file exports (apps/data-exchange/routes.ts), beside /graphql on the same origin. */
export function registryExport(format: 'csv' | 'json', filters: { year?: string; level?: string; country?: string }): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return `/exports/registry.${format}${q.size ? `?${q}` : ''}`;
}
export const valuesExport = (cityId: string, year: number, format: 'csv' | 'json') => `/exports/cities/${encodeURIComponent(cityId)}/values/${year}.${format}`;
