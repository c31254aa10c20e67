/**
 * Signing in: WCCD and CityNet staff (and a certified city's officers) paste the Bearer token they were
 * given; it is kept in sessionStorage (this tab only, gone when it closes) and sent with every API
 * request as `authorization: Bearer …`. The API verifies it; the dashboard only reads its claims to say
 * who is signed in, never to decide what may be shown.
 */
const KEY = 'citynet-wccd-dashboard:token';

export interface Claims {
  sub?: string;
  roles: string[];
  cityId?: string;
  orgId?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): signing in is then not possible.
    return null;
  }
}

export function token(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

/** The claims of a JWT (its payload, not verified: that is the API's job); null when it is not one. */
export function claimsOf(jwt: string): Claims | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(
      parts[1]
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(parts[1].length / 4) * 4, '='),
    );
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    if (!payload || typeof payload !== 'object') return null;
    return {
      sub: typeof payload.sub === 'string' ? payload.sub : undefined,
      roles: Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [],
      cityId: typeof payload.cityId === 'string' ? payload.cityId : undefined,
      orgId: typeof payload.orgId === 'string' ? payload.orgId : undefined,
      exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    };
  } catch {
    return null;
  }
}

export function claims(): Claims | null {
  const t = token();
  return t ? claimsOf(t) : null;
}

/** Keeps the token for this tab; false when the browser refuses storage. */
export function signIn(jwt: string): boolean {
  const s = storage();
  if (!s) return false;
  s.setItem(KEY, jwt.trim().replace(/^Bearer\s+/i, ''));
  for (const f of listeners) f();
  return true;
}

export function signOut(): void {
  storage()?.removeItem(KEY);
  for (const f of listeners) f();
}

export function onAuthChange(listener: () => void): void {
  listeners.add(listener);
}

const ROLE_LABELS: Record<string, string> = {
  WCCD_STAFF: 'WCCD staff',
  CITYNET_STAFF: 'CityNet staff',
  CITY_OFFICER: 'city officer',
  VERIFIER: 'verifier',
  PARTNER_APP: 'partner app',
};

/** e.g. "WCCD staff" or "city officer (makati)". */
export function whoLabel(c: Claims | null): string {
  if (!c) return 'signed in';
  const roles = c.roles.map((r) => (r === 'CITY_OFFICER' && c.cityId ? `${ROLE_LABELS[r]} (${c.cityId})` : (ROLE_LABELS[r] ?? r)));
  return roles.join(', ') || c.sub || 'signed in';
}
