import { evidenceS3Config } from './evidence-config';

const FULL = {
  EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000',
  EVIDENCE_S3_BUCKET: 'rectiflow-evidence',
  EVIDENCE_S3_ACCESS_KEY_ID: 'key',
  EVIDENCE_S3_SECRET_ACCESS_KEY: 'secret',
};

describe('evidence storage settings', () => {
  it('keeps evidence on disk when no EVIDENCE_S3_* variable is set (empty values count as unset)', () => {
    expect(evidenceS3Config({})).toBeNull();
    expect(evidenceS3Config({ EVIDENCE_S3_BUCKET: ' ', EVIDENCE_DIR: '/srv/evidence' })).toBeNull();
  });

  it('reads a bucket with its defaults: region us-east-1, path-style addressing', () => {
    expect(evidenceS3Config(FULL)).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'rectiflow-evidence',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(
      evidenceS3Config({ ...FULL, EVIDENCE_S3_REGION: 'eu-central-1', EVIDENCE_S3_FORCE_PATH_STYLE: 'false' }),
    ).toMatchObject({ region: 'eu-central-1', forcePathStyle: false });
    const { EVIDENCE_S3_ENDPOINT, EVIDENCE_S3_BUCKET } = FULL;
    expect(evidenceS3Config({ EVIDENCE_S3_ENDPOINT, EVIDENCE_S3_BUCKET })).toMatchObject({
      accessKeyId: null,
      secretAccessKey: null,
    });
  });

  it.each([
    [{ EVIDENCE_S3_BUCKET: 'evidence' }, /^EVIDENCE_S3_ENDPOINT is not set but EVIDENCE_S3_BUCKET is/],
    [{ EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000' }, /^EVIDENCE_S3_BUCKET is not set/],
    [{ ...FULL, EVIDENCE_S3_ENDPOINT: '127.0.0.1:9000' }, /^EVIDENCE_S3_ENDPOINT must be an http/],
    [{ ...FULL, EVIDENCE_S3_ENDPOINT: 'ftp://store' }, /^EVIDENCE_S3_ENDPOINT must be an http/],
    [{ ...FULL, EVIDENCE_S3_ENDPOINT: 'http://user:pw@store' }, /^EVIDENCE_S3_ENDPOINT must not carry credentials/],
    [{ ...FULL, EVIDENCE_S3_BUCKET: 'Evidence_Files' }, /^EVIDENCE_S3_BUCKET must be a valid bucket name/],
    [{ ...FULL, EVIDENCE_S3_SECRET_ACCESS_KEY: '' }, /^EVIDENCE_S3_SECRET_ACCESS_KEY is not set; set both/],
    [{ ...FULL, EVIDENCE_S3_ACCESS_KEY_ID: '' }, /^EVIDENCE_S3_ACCESS_KEY_ID is not set; set both/],
    [{ ...FULL, EVIDENCE_S3_FORCE_PATH_STYLE: 'maybe' }, /^EVIDENCE_S3_FORCE_PATH_STYLE must be true or false/],
    [{ ...FULL, EVIDENCE_S3_REGION: 'US East' }, /^EVIDENCE_S3_REGION must be a region name/],
  ])('refuses to start on a half-written setting, naming the variable (%#)', (env, message) => {
    expect(() => evidenceS3Config(env)).toThrow(message);
  });
});
