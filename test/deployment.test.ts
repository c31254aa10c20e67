/** No Docker engine runs here, so the deployment files are checked for structure. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from '../lib/config';

const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  test('runs a MongoDB 7 replica set, Redis, the four subgraphs and the gateway, each with a health check and restart policy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['certification', 'gateway', 'indicators', 'membership', 'mongo-init', 'mongo1', 'mongo2', 'mongo3', 'redis', 'workshops'].sort(),
    );
    for (const [name, service] of Object.entries<any>(compose.services)) {
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.any(Array) });
      expect({ name, restart: service.restart }).toEqual({ name, restart: name === 'mongo-init' ? 'on-failure' : 'unless-stopped' });
    }
    for (const name of ['mongo1', 'mongo2', 'mongo3']) {
      expect(compose.services[name].image).toBe('mongo:7');
      expect(compose.services[name].command).toEqual(['mongod', '--replSet', 'rs0', '--bind_ip_all']);
    }
    const init = compose.services['mongo-init'].command.join(' ');
    for (const host of ['mongo1:27017', 'mongo2:27017', 'mongo3:27017']) expect(init).toContain(host);
    expect(compose.services.redis.image).toMatch(/^redis:/);
  });

  test('each subgraph runs its own process on its own port against the replica set', () => {
    for (const name of SUBGRAPH_NAMES) {
      const service = compose.services[name];
      expect(service.command.slice(0, 3)).toEqual(['node', 'dist/scripts/start-subgraph.js', name]);
      expect(service.environment.PORT).toBe(String(DEFAULT_PORTS[name]));
      // The driver is configured for the replica set: all members, its name, majority writes.
      const params = new URLSearchParams(service.environment.MONGODB_URI.split('?')[1]);
      expect(service.environment.MONGODB_URI).toMatch(/^mongodb:\/\/mongo1:27017,mongo2:27017,mongo3:27017\//);
      expect(params.get('replicaSet')).toBe('rs0');
      expect(params.get('w')).toBe('majority');
      expect(service.depends_on['mongo-init'].condition).toBe('service_completed_successfully');
    }
  });

  test('the gateway points at every subgraph by service name and waits for them to be healthy', () => {
    const gateway = compose.services.gateway;
    for (const name of SUBGRAPH_NAMES) {
      expect(gateway.environment[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
      expect(gateway.depends_on[name].condition).toBe('service_healthy');
    }
    expect(gateway.ports).toContain('4000:4000');
    // Production needs the signing secret (gateway and subgraphs alike) and RS256 token verification.
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
      expect(compose.services[name].environment.SUBGRAPH_SIGNING_SECRET).toMatch(/^\$\{SUBGRAPH_SIGNING_SECRET:\?/);
      expect(compose.services[name].environment.JWT_JWKS_URL).toMatch(/^\$\{JWT_JWKS_URL:\?/);
    }
    expect(gateway.environment.REDIS_URL).toBe('redis://redis:6379');
    expect(gateway.depends_on.redis.condition).toBe('service_healthy');
  });
});

describe('Dockerfile', () => {
  test('is multi-stage, installs production dependencies only, and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/COPY --from=build/);
  });

  test('copies every runtime file the compiled code reads', () => {
    for (const name of SUBGRAPH_NAMES) expect(dockerfile).toMatch(new RegExp(`for s in [^;]*\\b${name}\\b[^;]*; do cp subgraphs/\\$s/schema.graphql`));
    expect(dockerfile).toContain('schema/supergraph.graphql');
    expect(dockerfile).toContain('data/catalogues');
    // The subgraphs read the trusted documents they send through the gateway (lib/graphql/trusted-document.ts).
    expect(dockerfile).toContain('cp trusted-documents/manifest.json trusted-documents/*.graphql dist/trusted-documents/');
    // The dashboard's build, where apps/dashboard/route.ts looks for it (dist/apps/dashboard/../../web/dist).
    expect(dockerfile).toMatch(/RUN npm run build:web/);
    expect(dockerfile).toContain('cp -r web/dist dist/web/dist');
  });
});
