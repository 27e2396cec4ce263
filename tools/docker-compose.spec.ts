/** docker-compose.yml cannot be run here (no Docker engine), so it is checked by reading it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const services = compose.services as Record<string, any>;
const read = (file: string) => readFileSync(join(root, file), 'utf8');

it('has the production topology', () => {
  expect(Object.keys(services).sort()).toEqual([
    'api',
    'caddy',
    'migrate',
    'minio',
    'minio-bucket',
    'postgres',
    'temporal',
    'temporal-namespace',
    'temporal-schema',
    'temporal-ui',
    'worker',
  ]);
  expect(services.postgres.image).toMatch(/^postgres:\d+/);
  expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
  expect(services.minio.image).toMatch(/^minio\/minio:/);
  expect(services.caddy.image).toMatch(/^caddy:2/);
  expect(services.api.build).toBe('.');
  expect(services.worker.build).toBe('.');
});

it('runs the Temporal server image with its schema applied by the admin tools of the same version', () => {
  expect(services.temporal.image).toBe('temporalio/server:1.29.1');
  expect(JSON.stringify(compose)).not.toContain('auto-setup');
  for (const job of ['temporal-schema', 'temporal-namespace']) {
    expect(services[job].image).toMatch(/^temporalio\/admin-tools:1\.29\.1-/);
    expect(services[job].restart).toBe('no');
  }
  const schema = services['temporal-schema'].command.join('\n');
  for (const db of ['temporal', 'temporal_visibility']) {
    expect(schema).toContain(`--db ${db} setup-schema -v 0.0`);
    expect(schema).toMatch(new RegExp(`--db ${db} update-schema -d \\S+/postgresql/v12/\\w+/versioned`));
  }
  expect(schema).toContain('create-database');
  expect(services['temporal-schema'].environment.SQL_PLUGIN).toBe('postgres12');
  expect(services.temporal.depends_on['temporal-schema'].condition).toBe('service_completed_successfully');
  expect(services['temporal-namespace'].command.join('\n')).toContain('namespace create --namespace default');
  expect(services.temporal.environment.DB).toBe('postgres12');
});

it('gives every long-running service a health check and waits on what it needs', () => {
  for (const name of ['postgres', 'temporal', 'minio', 'api', 'worker'])
    expect(services[name].healthcheck?.test).toBeDefined();
  for (const name of ['api', 'worker']) {
    expect(services[name].depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(services[name].depends_on['temporal-namespace'].condition).toBe('service_completed_successfully');
    expect(services[name].restart).toBe('unless-stopped');
  }
  expect(services.api.depends_on['minio-bucket'].condition).toBe('service_completed_successfully');
  expect(services.caddy.depends_on.api.condition).toBe('service_healthy');
});

it('publishes only Caddy; the Temporal UI is bound to the loopback for an SSH tunnel', () => {
  const published = Object.entries(services).filter(([, service]) => service.ports);
  expect(published.map(([name]) => name).sort()).toEqual(['caddy', 'temporal-ui']);
  expect(services.caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
  for (const port of services['temporal-ui'].ports) expect(port).toMatch(/^127\.0\.0\.1:/);
  expect(services.caddy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  const caddyfile = read('deploy/Caddyfile');
  expect(caddyfile).toMatch(/^\{\$RECTIFLOW_DOMAIN\} \{/m);
  expect(caddyfile).toMatch(/^\s*tls /m);
  expect(caddyfile).toMatch(/name api\s+port 3000/);
  // The API believes exactly the one proxy in front of it.
  expect(services.api.environment.TRUST_PROXY).toBe('${TRUST_PROXY:-1}');
});

it('hands the API its evidence store in MinIO under the S3 settings the API reads', () => {
  const environment = services.api.environment;
  expect(environment.EVIDENCE_S3_ENDPOINT).toBe('http://minio:9000');
  for (const name of [
    'EVIDENCE_S3_BUCKET',
    'EVIDENCE_S3_REGION',
    'EVIDENCE_S3_ACCESS_KEY_ID',
    'EVIDENCE_S3_SECRET_ACCESS_KEY',
    'EVIDENCE_S3_FORCE_PATH_STYLE',
  ])
    expect(environment[name]).toBeDefined();
  expect(environment.EVIDENCE_S3_SECRET_ACCESS_KEY).toMatch(/^\$\{EVIDENCE_S3_SECRET_ACCESS_KEY:\?/);
  expect(services.minio.environment.MINIO_ROOT_PASSWORD).toMatch(/^\$\{EVIDENCE_S3_SECRET_ACCESS_KEY:\?/);
});

it('wires the API and the worker to PostgreSQL and Temporal, with no secret written in the file', () => {
  for (const name of ['api', 'worker']) {
    expect(services[name].environment.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services[name].environment.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
  }
  expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  expect(services.temporal.environment.POSTGRES_PWD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  expect(services.api.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
  // Scalable with --scale: no fixed container names or host ports on api/worker.
  expect(services.api.container_name).toBeUndefined();
  expect(services.worker.ports).toBeUndefined();
  expect(services.api.ports).toBeUndefined();
});

it('documents every variable the compose file requires in .env.example, which holds no secret', () => {
  const example = read('.env.example');
  const required = new Set([...read('docker-compose.yml').matchAll(/\$\{(\w+):\?/g)].map((match) => match[1]));
  for (const name of required) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  expect(read('.gitignore')).toMatch(/^\.env$/m);
});

it('builds the image on Node 24 and runs it as a non-root user', () => {
  const dockerfile = read('Dockerfile');
  expect(dockerfile).toMatch(/^USER rectiflow$/m);
  expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
  for (const from of dockerfile.match(/^FROM \S+/gm)!) expect(from).toMatch(/^FROM node:24-/);
});
