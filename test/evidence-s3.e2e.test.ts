/**
 * Evidence on S3-compatible object storage: the API configured with a bucket on a real MinIO server
 * stores each file once as the object <first two hex digits>/<sha256>, streams it back byte for byte,
 * and answers 503 when the store is down, writing no evidence row.
 */
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceS3Config } from '@rectiflow/platform';
import { backupEvidence } from '../tools/backup';
import { restoreEvidence } from '../tools/restore';
import { env } from './support/stack';
import { startMinio, TestMinio } from './support/minio';
import { buildWorld, call, createMeasure, startStack, uploadEvidence, World } from './support/world';

let minio: TestMinio;
let s3: EvidenceS3Config;
let client: S3Client;
let world: World<'office' | 'leader' | 'staff', 'lead'>;

beforeAll(async () => {
  minio = await startMinio(env().directory);
  s3 = await minio.bucket(`evidence-${randomBytes(4).toString('hex')}`);
  client = minio.client();
  const tag = Date.now().toString(36);
  world = await buildWorld(await startStack('evidence-s3', { api: { evidenceS3: s3 } }), {
    departments: { lead: `招商局-${tag}` },
    people: {
      office: { name: `office-${tag}`, roles: 'office' },
      leader: `leader-${tag}`,
      staff: { name: `staff-${tag}`, department: 'lead' },
    },
    inspection: {},
  });
}, 600_000);

afterAll(async () => {
  await world?.stop();
  client?.destroy();
  await minio?.stop();
});

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function keys(bucket = s3.bucket): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

async function evidenceRows(measureId: string): Promise<number> {
  const [{ n }] = await world.dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE measure_id = $1', [
    measureId,
  ]);
  return n;
}

it('stores an upload as the object named by its SHA-256 and streams back the same bytes', async () => {
  const measureId = await createMeasure(world);
  const bytes = pdf(3 * 1024 * 100);
  const hash = sha256(bytes);
  const uploaded = await uploadEvidence(world, measureId, 'staff', '整改报告.pdf', bytes, 'application/pdf');
  expect(uploaded.status).toBe(201);
  expect(uploaded.body).toMatchObject({ sha256: hash, sizeBytes: bytes.length });
  expect(await keys()).toContain(`${hash.slice(0, 2)}/${hash}`);
  const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${hash.slice(0, 2)}/${hash}` }));
  expect(head.ContentLength).toBe(bytes.length);
  const download = await call(world, 'GET', `/evidence/${uploaded.body.id}/content`, 'staff');
  expect(download.status).toBe(200);
  expect(download.raw.equals(bytes)).toBe(true);
});

it('stores the same content once, however often and to whichever measure it is uploaded', async () => {
  const [first, second] = [await createMeasure(world), await createMeasure(world)];
  const bytes = pdf(2048);
  const hash = sha256(bytes);
  const before = await keys();
  const replies = [
    await uploadEvidence(world, first, 'staff', '纪要.pdf', bytes, 'application/pdf'),
    await uploadEvidence(world, first, 'staff', '纪要-副本.pdf', bytes, 'application/pdf'),
    await uploadEvidence(world, second, 'staff', '会议纪要.pdf', bytes, 'application/pdf'),
  ];
  expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201]);
  expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(3);
  const after = await keys();
  expect(after.filter((key) => !before.includes(key))).toEqual([`${hash.slice(0, 2)}/${hash}`]);
  const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${hash.slice(0, 2)}/${hash}` }));
  expect(head.ContentLength).toBe(bytes.length);
});

it('answers 503 while the store is down, writes no evidence row, and works again once it is back', async () => {
  const measureId = await createMeasure(world);
  await minio.stop();
  try {
    const started = Date.now();
    const refused = await uploadEvidence(world, measureId, 'staff', '整改报告.pdf', pdf(1024), 'application/pdf');
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: 'UNAVAILABLE' });
    expect(refused.body.message).toMatch(/evidence store is unavailable .*not stored/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await evidenceRows(measureId)).toBe(0);
  } finally {
    await minio.start();
  }
  const bytes = pdf(1024);
  const stored = await uploadEvidence(world, measureId, 'staff', '整改报告.pdf', bytes, 'application/pdf');
  expect(stored.status).toBe(201);
  expect(await evidenceRows(measureId)).toBe(1);
  expect((await call(world, 'GET', `/evidence/${stored.body.id}/content`, 'staff')).raw.equals(bytes)).toBe(true);
});

it('backs the bucket up into a directory and restores it into another bucket, object for object', async () => {
  const measureId = await createMeasure(world);
  const bytes = pdf(4096);
  expect((await uploadEvidence(world, measureId, 'staff', '台账.pdf', bytes, 'application/pdf')).status).toBe(201);
  const directory = mkdtempSync(join(env().directory, 'evidence-backup-'));
  const copied = await backupEvidence({ kind: 's3', s3 }, directory, new Set([sha256(bytes)]));
  const stored = await keys();
  expect(copied).toMatchObject({ files: stored.length, missing: [] });
  const target = await minio.bucket(`restored-${randomBytes(4).toString('hex')}`);
  expect(await restoreEvidence(directory, { kind: 's3', s3: target })).toBe(stored.length);
  expect(await keys(target.bucket)).toEqual(stored);
  // Restoring again sends nothing new and changes nothing.
  expect(await restoreEvidence(directory, { kind: 's3', s3: target })).toBe(stored.length);
  expect(await keys(target.bucket)).toEqual(stored);
});
