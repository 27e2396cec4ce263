import { planUpkeepNotifications } from './upkeep-notifications';

const body = (detail: Record<string, unknown>) =>
  planUpkeepNotifications('change_deadline', '制定清单', '', { reason: '上级要求', ...detail })[0].body;

describe('the 调整时限 notification', () => {
  it('names a kind change, not a deadline that did not move', () => {
    const text = body({
      previousDueAt: '2027-06-15T15:59:59.000Z',
      dueAt: '2027-06-15T15:59:59.000Z',
      previousKind: 'deadline',
      kind: 'ongoing',
    });
    expect(text).toBe('整改措施“制定清单”的措施类型由 限期整改 调整为 长期坚持。原因:上级要求。');
    expect(text).not.toContain('整改时限由');
  });

  it('names both when both change, and the deadline by its day in China time', () => {
    expect(
      body({
        previousDueAt: '2026-12-31T16:59:44.000Z',
        dueAt: '2027-03-31T15:59:59.000Z',
        previousKind: 'immediate',
        kind: 'deadline',
      }),
    ).toBe(
      '整改措施“制定清单”的措施类型由 立行立改 调整为 限期整改,整改时限由 2027-01-01 调整为 2027-03-31。原因:上级要求。',
    );
  });

  it('names the deadline alone as before', () => {
    expect(
      body({
        previousDueAt: '2099-06-30T15:59:59.000Z',
        dueAt: '2099-08-31T15:59:59.000Z',
        previousKind: 'deadline',
        kind: 'deadline',
      }),
    ).toBe('整改措施“制定清单”的整改时限由 2099-06-30 调整为 2099-08-31。原因:上级要求。');
  });
});
