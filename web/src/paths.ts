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
