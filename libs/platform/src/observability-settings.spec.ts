import { Writable } from 'node:stream';
import { createLogger, logFormat, logLevel } from './logging';
import { apiMetricsConfig, workerMetricsConfig } from './metrics-config';

describe('the metrics settings', () => {
  it('serve nothing until a port is set, on loopback without a token by default', () => {
    expect(apiMetricsConfig({})).toBeNull();
    expect(apiMetricsConfig({ METRICS_PORT: 'off' })).toBeNull();
    expect(apiMetricsConfig({ METRICS_PORT: '9464' })).toEqual({
      port: 9464,
      host: '127.0.0.1',
      token: null,
      gaugeCacheMs: 10_000,
    });
    expect(workerMetricsConfig({})).toEqual({ endpoint: null, sdkPort: null });
    expect(workerMetricsConfig({ WORKER_METRICS_PORT: '9465', WORKER_SDK_METRICS_PORT: '9466' })).toEqual({
      endpoint: { port: 9465, host: '127.0.0.1', token: null },
      sdkPort: 9466,
    });
  });

  it('refuse an address beyond loopback without a token, a short token, and ports out of range', () => {
    expect(() => apiMetricsConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toThrow(
      'METRICS_HOST=0.0.0.0 serves metrics beyond this machine: set METRICS_TOKEN',
    );
    expect(
      apiMetricsConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'a'.repeat(16) })?.token,
    ).toBe('a'.repeat(16));
    expect(() => apiMetricsConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'short' })).toThrow('at least 16');
    expect(() => apiMetricsConfig({ METRICS_PORT: 'ninety' })).toThrow('METRICS_PORT must be a whole number');
    expect(() => apiMetricsConfig({ METRICS_PORT: '1', METRICS_HOST: 'metrics.example' })).toThrow('METRICS_HOST');
    expect(() => workerMetricsConfig({ WORKER_SDK_METRICS_PORT: '0' })).toThrow('WORKER_SDK_METRICS_PORT');
    expect(() => apiMetricsConfig({ METRICS_PORT: '1', METRICS_GAUGE_CACHE_MS: '-1' })).toThrow(
      'METRICS_GAUGE_CACHE_MS',
    );
  });
});

describe('the log settings', () => {
  it('write JSON unless on a terminal or told pretty, and refuse other formats and levels', () => {
    expect(logFormat({}, false)).toBe('json');
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(() => logFormat({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be json or pretty');
    expect(logLevel({})).toBe('info');
    expect(() => logLevel({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of');
  });

  it('redact passwords, tokens and the Authorization header wherever they are logged', () => {
    let written = '';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const logger = createLogger({ name: 'test', env: { LOG_FORMAT: 'json' }, destination });
    logger.info(
      { req: { headers: { authorization: 'Bearer abc' } }, body: { password: 'p4ss', refreshToken: 'r' } },
      'hello',
    );
    const line = JSON.parse(written);
    expect(line).toMatchObject({ level: 30, name: 'test', msg: 'hello' });
    expect(line.req.headers.authorization).toBe('[redacted]');
    expect(line.body).toEqual({ password: '[redacted]', refreshToken: '[redacted]' });
  });
});
