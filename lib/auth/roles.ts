/** Who can do what: the roles carried in a token's `roles` claim. Anonymous callers have none. */
export const ROLES = ['PARTNER_APP', 'CITY_OFFICER', 'VERIFIER', 'WCCD_STAFF', 'CITYNET_STAFF'] as const;
export type Role = (typeof ROLES)[number];

/** A verified caller. `cityId` ties a CITY_OFFICER to one city; `orgId` ties a VERIFIER to its organisation. */
export interface AuthUser {
  sub: string;
  roles: Role[];
  cityId?: string;
  orgId?: string;
}

export function hasRole(user: AuthUser | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
