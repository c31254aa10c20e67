/**
 * `npm run token -- --role CITY_OFFICER --city makati`: prints a development token (HS256, JWT_SECRET
 * or the development secret). Options: --role (repeatable), --city, --org, --sub, --expires (e.g. 8h).
 */
import { ROLES, type Role } from '../lib/auth/roles';
import { authSettingsFromEnv } from '../lib/auth/settings';
import { signDevToken } from '../lib/auth/tokens';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roles: Role[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`Expected --flag value pairs, got ${JSON.stringify(flag)}`);
    i++;
    if (flag === '--role') {
      if (!ROLES.includes(value as Role)) throw new Error(`Unknown role ${value}; roles: ${ROLES.join(', ')}`);
      roles.push(value as Role);
    } else if (['--city', '--org', '--sub', '--expires'].includes(flag)) options[flag.slice(2)] = value;
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!roles.length) throw new Error(`Usage: npm run token -- --role <${ROLES.join('|')}> [--city id] [--org id] [--sub id] [--expires 8h]`);
  const token = await signDevToken(authSettingsFromEnv(), { roles, cityId: options.city, orgId: options.org, sub: options.sub, expiresIn: options.expires });
  console.log(token);
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
