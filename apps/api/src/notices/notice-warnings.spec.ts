import type { NoticeContent } from '@rectiflow/documents';
import { noticeWarnings } from './notice-warnings';

const notice = (overrides: Partial<NoticeContent> = {}): NoticeContent =>
  ({
    title: '关于巡察整改进展情况的通报',
    opening: '现将整改进展情况予以公布。',
    part1: { title: '总体情况', paragraphs: ['共召开整改工作专题会议、调度会议0次,开展内部督查10次,完成2.0项。'] },
    part3: { title: '下一步', paragraphs: ['继续推进。'] },
    closingCall: '欢迎监督。',
    contact: {},
    signer: '党工委',
    date: '2025年7月25日',
    sections: [
      {
        number: '二',
        title: '问题整改情况',
        problems: [{ number: '1', title: '问题', measures: [{ number: 1, text: '已完成整改,佐证材料详见附件1' }] }],
      },
    ],
    ...overrides,
  }) as NoticeContent;

describe('noticeWarnings', () => {
  it('names a zero figure and a reference to an attachment, with the clause and its part', () => {
    expect(noticeWarnings(notice())).toEqual([
      { kind: 'zero_figure', part: 'part1', excerpt: '共召开整改工作专题会议、调度会议0次' },
      { kind: 'attachment_reference', part: 'problems', excerpt: '佐证材料详见附件1' },
    ]);
  });

  it('does not take 10, 2.0 or 100 for zero, and reads 〇 and 零 as zero', () => {
    expect(noticeWarnings(notice({ sections: [] })).map((warning) => warning.excerpt)).toEqual([
      '共召开整改工作专题会议、调度会议0次',
    ]);
    const spelled = notice({
      sections: [],
      part1: { title: '', paragraphs: ['建立制度〇个;开展专项整治零项;完成100项'] },
    });
    expect(noticeWarnings(spelled).map((warning) => warning.excerpt)).toEqual(['建立制度〇个', '开展专项整治零项']);
  });

  it('has nothing to say about a notice without either', () => {
    expect(noticeWarnings(notice({ sections: [], part1: { title: '', paragraphs: ['召开会议3次。'] } }))).toEqual([]);
  });
});
