/** docker-compose.yml cannot be run here (no Docker engine), so it is checked by reading it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'));
const services = compose.services as Record<string, any>;

it('has the production topology', () => {
  expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  expect(services.postgres.image).toMatch(/^postgres:\d+/);
  expect(services.temporal.image).toMatch(/^temporalio\/auto-setup:/);
  expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
  expect(services.api.build).toBe('.');
  expect(services.worker.build).toBe('.');
});

it('gives every long-running service a health check and waits on it', () => {
  for (const name of ['postgres', 'temporal', 'api', 'worker']) expect(services[name].healthcheck?.test).toBeDefined();
  expect(services.api.depends_on.migrate.condition).toBe('service_completed_successfully');
  expect(services.worker.depends_on.temporal.condition).toBe('service_healthy');
  expect(services.worker.restart).toBe('unless-stopped');
  expect(services.api.restart).toBe('unless-stopped');
});

it('wires the API and the worker to PostgreSQL and Temporal, with no secret written in the file', () => {
  for (const name of ['api', 'worker']) {
    expect(services[name].environment.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services[name].environment.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
  }
  expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  // Scalable with --scale: no fixed container names or host ports on api/worker.
  expect(services.api.container_name).toBeUndefined();
  expect(services.worker.ports).toBeUndefined();
  expect(services.api.ports).toEqual(['3000']);
});

it('runs the image as a non-root user', () => {
  const dockerfile = readFileSync(join(__dirname, '..', 'Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(/^USER rectiflow$/m);
  expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
});
