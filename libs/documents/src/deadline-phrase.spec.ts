import { parseDeadlinePhrase } from './deadline-phrase';

describe('整改时限 phrases', () => {
  it.each([
    ['2024年9月30日前', '2024-09-30'],
    ['2024年9月30日', '2024-09-30'],
    ['2024年9月30号前完成', '2024-09-30'],
    ['2024年9月底前', '2024-09-30'],
    ['2024年9月', '2024-09-30'],
    ['2024年2月底', '2024-02-29'],
    ['2024年9月中旬', '2024-09-20'],
    ['2024年底前', '2024-12-31'],
    ['2024年年底前', '2024-12-31'],
    ['2024年内', '2024-12-31'],
    ['2024年第三季度', '2024-09-30'],
    ['2024年三季度', '2024-09-30'],
    ['2024年第1季度末', '2024-03-31'],
    ['2024年上半年', '2024-06-30'],
    ['2024年下半年', '2024-12-31'],
    ['2024-09-30', '2024-09-30'],
    ['2024/9/30', '2024-09-30'],
    ['２０２４年９月底前', '2024-09-30'],
    ['2024年6月底前完成初步整改，2024年底前全面完成', '2024-12-31'],
  ])('%s → %s (deadline)', (phrase, dueDate) => {
    expect(parseDeadlinePhrase(phrase)).toEqual({ phrase, dueDate, kind: 'deadline' });
  });

  it('reads 立行立改 as immediate and 长期坚持 / 持续推进 as ongoing, without a date', () => {
    expect(parseDeadlinePhrase('立行立改')).toEqual({ phrase: '立行立改', kind: 'immediate' });
    expect(parseDeadlinePhrase('长期坚持')).toEqual({ phrase: '长期坚持', kind: 'ongoing' });
    expect(parseDeadlinePhrase('持续推进')).toEqual({ phrase: '持续推进', kind: 'ongoing' });
  });

  it('reads combinations: ongoing wins, a date is kept', () => {
    expect(parseDeadlinePhrase('立行立改，长期坚持')).toEqual({ phrase: '立行立改，长期坚持', kind: 'ongoing' });
    expect(parseDeadlinePhrase('2024年9月底前，并长期坚持')).toEqual({
      phrase: '2024年9月底前，并长期坚持',
      dueDate: '2024-09-30',
      kind: 'ongoing',
    });
    expect(parseDeadlinePhrase('立行立改，2024年6月底前')).toEqual({
      phrase: '立行立改，2024年6月底前',
      dueDate: '2024-06-30',
      kind: 'immediate',
    });
  });

  it('keeps an unknown or impossible phrase as written, with no date and no kind', () => {
    expect(parseDeadlinePhrase('尽快')).toEqual({ phrase: '尽快' });
    expect(parseDeadlinePhrase('9月底前')).toEqual({ phrase: '9月底前' });
    expect(parseDeadlinePhrase('2024年2月30日')).toEqual({ phrase: '2024年2月30日' });
    expect(parseDeadlinePhrase('2024年13月')).toEqual({ phrase: '2024年13月' });
    expect(parseDeadlinePhrase(' 2024年9月底前。 ')).toEqual({
      phrase: '2024年9月底前',
      dueDate: '2024-09-30',
      kind: 'deadline',
    });
  });
});
