/** Organisation, inspection and measures written straight into the database for workflow-level tests. */
import { INestApplicationContext } from '@nestjs/common';
import { Client, Connection, WithStartWorkflowOperation, WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActionName, Actor, initialState, InspectionRole, MeasureKind, TimerPolicy } from '@rectiflow/domain';
import {
  ActionResult,
  actionUpdates,
  measureWorkflowId,
  MeasureWorkflowInput,
} from '@rectiflow/workflows/measure.contract';
import { fastPolicy, openDataSource, startWorker, temporalClient, uniqueTaskQueue } from './stack';

export type Who =
  'office' | 'reviewer' | 'reviewer2' | 'leader' | 'groupHead' | 'supervisor' | 'staff' | 'staff2' | 'outsider';

export interface Cast {
  inspectionId: string;
  policy: TimerPolicy;
  leadDepartmentId: string;
  otherDepartmentId: string;
  people: Record<Who, { personId: string; departmentId: string | null; roles: InspectionRole[] }>;
}

export function actor(cast: Cast, who: Who): Actor {
  const person = cast.people[who];
  return { personId: person.personId, departmentId: person.departmentId, inspectionRoles: person.roles };
}

export async function createCast(dataSource: DataSource, policy: TimerPolicy): Promise<Cast> {
  const tag = randomUUID().slice(0, 8);
  const [lead] = await dataSource.query('INSERT INTO department (name) VALUES ($1) RETURNING id', [`牵头部门-${tag}`]);
  const [other] = await dataSource.query('INSERT INTO department (name) VALUES ($1) RETURNING id', [`其他部门-${tag}`]);
  const [inspection] = await dataSource.query(
    `INSERT INTO inspection (title, kind, inspecting_body, inspected_unit, policy) VALUES ($1, 'xuncha', '市委第一巡察组', '经开区党工委', $2) RETURNING id`,
    [`测试巡察-${tag}`, JSON.stringify(policy)],
  );
  const spec: Record<Who, { department: string | null; roles: InspectionRole[] }> = {
    office: { department: null, roles: ['office'] },
    reviewer: { department: null, roles: ['reviewer'] },
    reviewer2: { department: null, roles: ['reviewer'] },
    leader: { department: null, roles: [] },
    groupHead: { department: null, roles: ['group_head'] },
    supervisor: { department: null, roles: ['supervisor'] },
    staff: { department: lead.id, roles: [] },
    staff2: { department: lead.id, roles: ['reviewer'] },
    outsider: { department: other.id, roles: [] },
  };
  const people = {} as Cast['people'];
  for (const [who, { department, roles }] of Object.entries(spec) as [Who, (typeof spec)[Who]][]) {
    const [person] = await dataSource.query('INSERT INTO person (name, department_id) VALUES ($1, $2) RETURNING id', [
      `${who}-${tag}`,
      department,
    ]);
    for (const role of roles) {
      await dataSource.query('INSERT INTO inspection_role (inspection_id, person_id, role) VALUES ($1, $2, $3)', [
        inspection.id,
        person.id,
        role,
      ]);
    }
    people[who] = { personId: person.id, departmentId: department, roles };
  }
  return { inspectionId: inspection.id, policy, leadDepartmentId: lead.id, otherDepartmentId: other.id, people };
}

/** What a workflow suite runs against: PostgreSQL, a Temporal client, a worker on its own task queue, and the cast. */
export interface WorkflowWorld {
  taskQueue: string;
  dataSource: DataSource;
  client: Client;
  connection: Connection;
  worker: INestApplicationContext;
  cast: Cast;
  stop(): Promise<void>;
}

export async function startWorkflowWorld(name: string, policy: TimerPolicy = fastPolicy()): Promise<WorkflowWorld> {
  const taskQueue = uniqueTaskQueue(name);
  const dataSource = await openDataSource();
  const { client, connection } = await temporalClient();
  const worker = await startWorker(taskQueue);
  const cast = await createCast(dataSource, policy);
  return {
    taskQueue,
    dataSource,
    client,
    connection,
    worker,
    cast,
    async stop() {
      await worker.close();
      await connection.close();
      await dataSource.destroy();
    },
  };
}

let problemNumber = 0;

/** Writes a problem and a measure row, then starts the measure's workflow as the API does. */
export async function startMeasure(
  { dataSource, client, taskQueue, cast }: WorkflowWorld,
  options: {
    kind?: MeasureKind;
    dueAt: Date;
    policy?: TimerPolicy;
    responsibleLeader?: Who;
    dueOnAssign?: boolean;
    /** An action sent with the start (Update-with-Start): it reaches the workflow in its first task. */
    withAction?: { action: ActionName; who: Who; input: unknown };
  },
): Promise<{ measureId: string; handle: WorkflowHandle; firstResult?: ActionResult }> {
  problemNumber += 1;
  const [problem] = await dataSource.query(
    `INSERT INTO problem (inspection_id, number, title) VALUES ($1, $2, $3) RETURNING id`,
    [cast.inspectionId, problemNumber, `问题${problemNumber}`],
  );
  const measureId = randomUUID();
  const kind = options.kind ?? 'deadline';
  const leaderId = cast.people[options.responsibleLeader ?? 'leader'].personId;
  await dataSource.query(
    `INSERT INTO measure (id, inspection_id, problem_id, number, text, kind, lead_department_id, responsible_leader_id, due_at, workflow_id, workflow_started)
     VALUES ($1, $2, $3, 1, '整改措施', $4, $5, $6, $7, $8, true)`,
    [
      measureId,
      cast.inspectionId,
      problem.id,
      kind,
      cast.leadDepartmentId,
      leaderId,
      options.dueAt,
      measureWorkflowId(measureId),
    ],
  );
  const input: MeasureWorkflowInput = {
    state: initialState(
      {
        measureId,
        inspectionId: cast.inspectionId,
        kind,
        policy: options.policy ?? cast.policy,
        participants: {
          leadDepartmentId: cast.leadDepartmentId,
          cooperatingDepartmentIds: [],
          responsibleLeaderId: leaderId,
        },
        dueAt: options.dueAt.toISOString(),
        ...(options.dueOnAssign ? { dueOnAssign: true } : {}),
      },
      new Date(),
    ),
  };
  const start = { taskQueue, workflowId: measureWorkflowId(measureId), args: [input] as [MeasureWorkflowInput] };
  if (options.withAction) {
    const { action, who, input: actionInput } = options.withAction;
    const operation = new WithStartWorkflowOperation('measureWorkflow', { ...start, workflowIdConflictPolicy: 'FAIL' });
    const firstResult = (await client.workflow.executeUpdateWithStart(actionUpdates[action] as never, {
      args: [{ actor: actor(cast, who), input: actionInput, idempotencyKey: `with-start-${measureId}` }] as never,
      updateId: `${action}:with-start-${measureId}`,
      startWorkflowOperation: operation,
    })) as ActionResult;
    return { measureId, handle: await operation.workflowHandle(), firstResult };
  }
  const handle = await client.workflow.start('measureWorkflow', start);
  return { measureId, handle };
}

export async function addEvidence(dataSource: DataSource, measureId: string, uploadedBy: string): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO evidence (measure_id, file_name, content_type, size_bytes, sha256, uploaded_by) VALUES ($1, 'minutes.pdf', 'application/pdf', 10, $2, $3) RETURNING id`,
    [measureId, 'a'.repeat(64), uploadedBy],
  );
  return row.id;
}

export async function auditRows(dataSource: DataSource, measureId: string) {
  return dataSource.query(
    `SELECT seq, kind, action, actor_id AS "actorId", from_stage AS "fromStage", to_stage AS "toStage", round, detail, idempotency_key AS "idempotencyKey"
       FROM audit_event WHERE measure_id = $1 ORDER BY seq`,
    [measureId],
  );
}

export async function measureRow(dataSource: DataSource, measureId: string) {
  const [row] = await dataSource.query('SELECT * FROM measure WHERE id = $1', [measureId]);
  return row;
}
