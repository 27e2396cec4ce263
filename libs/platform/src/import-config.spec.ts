/** The import limits from the environment: defaults, and a value out of range stops the API naming it. */
import { apiConfig, importConfig } from './config';

it('reads the import limits with their defaults and range checks', () => {
  expect(importConfig({})).toEqual({
    maxEntries: 2000,
    maxUncompressedBytes: 50 * 1024 * 1024,
    maxCharacters: 2_000_000,
    maxLines: 50_000,
    workerMemoryMb: 512,
    timeoutMs: 30_000,
  });
  expect(
    apiConfig({
      DATABASE_URL: 'postgres://localhost/x',
      JWT_SECRET: 'x'.repeat(32),
      IMPORT_MAX_UNCOMPRESSED_BYTES: '10485760',
    }).imports.maxUncompressedBytes,
  ).toBe(10 * 1024 * 1024);
  for (const wrong of ['0', '50MB', '1.5', '2000000000']) {
    expect(() => importConfig({ IMPORT_MAX_UNCOMPRESSED_BYTES: wrong })).toThrow(
      `IMPORT_MAX_UNCOMPRESSED_BYTES must be a whole number from 1024 to 1073741824 (got "${wrong}")`,
    );
  }
  expect(() => importConfig({ IMPORT_WORKER_MEMORY_MB: '8' })).toThrow(
    'IMPORT_WORKER_MEMORY_MB must be a whole number from 32 to 16384 (got "8")',
  );
});
