import { countRequest, ThrottleBucket } from './throttle-window';

const MINUTE = 60_000;

function run(times: number[], limit: number, blockMs: number) {
  let bucket: ThrottleBucket | null = null;
  return times.map((now) => {
    const counted = countRequest(bucket, now, MINUTE, limit, blockMs);
    bucket = counted.bucket;
    return counted.record;
  });
}

describe('countRequest', () => {
  it('lets `limit` requests through in a window and blocks the next', () => {
    const records = run([0, 1000, 2000, 3000], 3, MINUTE);
    expect(records.map((record) => record.isBlocked)).toEqual([false, false, false, true]);
    expect(records.map((record) => record.totalHits)).toEqual([1, 2, 3, 4]);
    expect(records[3]).toMatchObject({ timeToBlockExpire: 60, timeToExpire: 57 });
  });

  it('counts nothing while blocked, and starts again from zero when the block ends', () => {
    const records = run([0, 1, 2, 30_000, 60_002, 60_003], 2, MINUTE);
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [3, true],
      [1, false],
      [2, false],
    ]);
    expect(records[3].timeToBlockExpire).toBe(31);
  });

  it('starts a new window when the old one is over', () => {
    const records = run([0, 1, 59_999, 60_000, 60_001], 3, MINUTE);
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [1, false],
      [2, false],
    ]);
  });

  it('without a block duration, blocks for the rest of the window', () => {
    const records = run([0, 10_000, 20_000, 59_999, 60_000], 1, 0);
    expect(records.map((record) => record.isBlocked)).toEqual([false, true, true, true, false]);
    expect(records[1].timeToBlockExpire).toBe(50);
  });
});
