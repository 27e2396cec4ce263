/**
 * Hostile input on every operation of the OpenAPI document (GET /api/docs-json, read at run time,
 * so a new endpoint, field or action is covered without being listed here): each path parameter,
 * query parameter and body field ($ref schemas resolved, nested objects and array items included)
 * gets NUL and other control characters, lone surrogates, only spaces, strings beyond maxLength,
 * NaN-ish, huge and negative numbers, 100,000-level nesting and 50,000-item arrays; every action
 * of POST /measures/{id}/actions/{action} is tried by a person it allows on a measure in a stage
 * that allows it. Each must be a 4xx naming the field at fault (not 500, not 2xx, not a refusal of
 * who asks), write nothing (every table of the public schema compared before and after each
 * operation's batch), and /health must keep answering meanwhile.
 * The cases: support/openapi-cases.ts (values) and support/hostile-cases.ts (requests, checks).
 * Idempotency keys, upload file names, CSV cells and tokens: hostile-input-requests.e2e.test.ts.
 */
import { DataSource } from 'typeorm';
import { HostileCases } from './support/hostile-cases';
import { send, shown, watchHealth } from './support/hostile-requests';
import { buildWorld, World } from './support/hostile-world';
import { ApiDocument, Endpoint, endpoints } from './support/openapi-cases';
import { openDataSource, uniqueTaskQueue } from './support/stack';

let dataSource: DataSource;
let world: World;
let operations: Endpoint[];
let cases: HostileCases;
/** The measure action endpoint (the batch endpoint names its action in the path too, and is an operation like any). */
const isAction = (endpoint: Endpoint) => endpoint.path.endsWith('/actions/{action}');

beforeAll(async () => {
  dataSource = await openDataSource();
  world = await buildWorld(dataSource, uniqueTaskQueue('hostile'));
  const document = (await fetch(`${world.api.url}/docs-json`).then((response) => response.json())) as ApiDocument;
  operations = endpoints(document);
  cases = new HostileCases(world, document, dataSource);
  for (const endpoint of operations) {
    if (!isAction(endpoint)) await cases.findCaller(endpoint);
    else for (const action of cases.actionsOf(endpoint)) await cases.findCaller(endpoint, action);
  }
}, 180_000);

afterAll(async () => {
  await world?.worker.close();
  await world?.api.app.close();
  await dataSource?.destroy();
});

it('reads every operation from the API document, and a valid request differs from each hostile one in the hostile value only', () => {
  expect(operations.length).toBeGreaterThan(50);
  expect(operations.filter(isAction)).toHaveLength(1);
  expect(cases.baselineProblems).toEqual([]);
});

it('refuses hostile parameters and bodies on every operation with a 4xx naming the field, writes nothing, and /health answers meanwhile', async () => {
  const health = watchHealth(world.api.url);
  const failures: string[] = [];
  let count = 0;
  for (const endpoint of operations.filter((item) => !isAction(item))) {
    const batch = cases.casesOf(endpoint);
    count += batch.length;
    failures.push(...(await cases.runBatch(endpoint.key, batch)));
  }
  const watched = await health.stop();
  console.log(
    `hostile input: ${operations.length - 1} operations, ${count} cases; /health answered ${watched.checks} times, slowest ${watched.slowest} ms`,
  );
  expect(failures).toEqual([]);
  expect(watched.failures).toEqual([]);
}, 300_000);

it('refuses hostile input to every action of every measure, writes nothing, and the measure still takes a valid action afterwards', async () => {
  const endpoint = operations.find(isAction)!;
  const actions = cases.actionsOf(endpoint);
  expect(actions.length).toBeGreaterThan(0);
  const health = watchHealth(world.api.url);
  const failures: string[] = [];
  let count = 0;
  for (const action of actions) {
    const batch = cases.casesOf(endpoint, action);
    count += batch.length;
    failures.push(...(await cases.runBatch(`action ${action}`, batch)));
    // The measure is not frozen: the action it was refused in hostile forms still goes through.
    const valid = await send(
      world.api.url,
      world.client,
      cases.request(endpoint, { action, body: world.bodies[action]() }),
    );
    if (valid.status !== 200) failures.push(`action ${action}: the valid action afterwards answered ${shown(valid)}`);
  }
  const watched = await health.stop();
  console.log(
    `hostile input: ${actions.length} actions, ${count} cases; /health answered ${watched.checks} times, slowest ${watched.slowest} ms`,
  );
  expect(failures).toEqual([]);
  expect(watched.failures).toEqual([]);
}, 300_000);
