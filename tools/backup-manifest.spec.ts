import { resolve } from 'node:path';
import { sourcesFromEnvironment } from './backup-manifest';

const URL = 'postgres://postgres:pw@127.0.0.1:54320/rectiflow';

describe('where backup and restore find the data', () => {
  it('is the dev server and the evidence directory of .data/ by default', () => {
    expect(sourcesFromEnvironment(URL, { RECTIFLOW_DATA_DIR: '/srv/rectiflow' })).toEqual({
      databaseUrl: URL,
      temporal: { kind: 'sqlite', file: '/srv/rectiflow/temporal.db' },
      evidence: { kind: 'disk', directory: '/srv/rectiflow/evidence' },
    });
    expect(sourcesFromEnvironment(URL, {}).temporal).toEqual({ kind: 'sqlite', file: resolve('.data/temporal.db') });
  });

  it('follows TEMPORAL_DB_FILE, TEMPORAL_DATABASE_URL (visibility on the same server by default) and EVIDENCE_S3_*', () => {
    expect(
      sourcesFromEnvironment(URL, { TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_DB_FILE: '/t.db' }).temporal,
    ).toEqual({
      kind: 'sqlite',
      file: '/t.db',
    });
    expect(
      sourcesFromEnvironment(URL, {
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_DATABASE_URL: 'postgres://temporal:pw@db:5432/temporal',
      }).temporal,
    ).toEqual({
      kind: 'postgres',
      url: 'postgres://temporal:pw@db:5432/temporal',
      visibilityUrl: 'postgres://temporal:pw@db:5432/temporal_visibility',
    });
    expect(sourcesFromEnvironment(URL, { TEMPORAL_ADDRESS: 'temporal:7233' }).temporal).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/TEMPORAL_DATABASE_URL is not set/),
    });
    const evidence = sourcesFromEnvironment(URL, {
      EVIDENCE_DIR: '/ignored',
      EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000',
      EVIDENCE_S3_BUCKET: 'evidence',
    }).evidence;
    expect(evidence).toMatchObject({ kind: 's3', s3: { bucket: 'evidence', endpoint: 'http://127.0.0.1:9000' } });
  });
});
