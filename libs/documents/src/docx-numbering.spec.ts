import { Document, LevelFormat, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { documentText } from './document-text';
import { formatCounter } from './docx-numbering';
import { problemsOf } from './document-model';
import { parseNotice } from './notice-parser';

/** A notice as offices write it in Word: every heading and item numbered by a Word list, none typed. */
async function autoNumberedNotice(): Promise<Buffer> {
  const item = (level: number, text: string) => new Paragraph({ text, numbering: { reference: 'notice', level } });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'notice',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1 },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 1 },
            { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', start: 1 },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('根据市委统一部署,巡察组对某单位进行了巡察。现将巡察整改进展情况予以公布。'),
          item(0, '提高政治站位,坚决扛起巡察整改政治责任'),
          new Paragraph('一是提高政治站位,加强组织领导。'),
          item(0, '坚持问题导向,全面推进整改任务落地落细'),
          item(1, '贯彻重大决策部署方面'),
          item(2, '深入学习贯彻重要讲话精神'),
          item(3, '加强学习研讨。一是坚持“第一议题”制度。二是召开学习会议20次。'),
          item(3, '注重学用结合。一是编制实施方案。'),
          item(2, '认真落实改革创新发展重大决策'),
          item(3, '加强创新驱动培育。一是出台扶持政策。二是推进校企合作。'),
          item(1, '落实全面从严治党方面'),
          item(2, '落实主体责任'),
          item(3, '压实管党治党责任。一是召开专题会议。'),
          item(0, '巩固整改成果,持续推动整改工作走深走实'),
          new Paragraph('下一步,我们将持续抓好整改。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

describe("Word's automatic numbering", () => {
  it('is written into the text as Word shows it, so the notice parser finds the problems', async () => {
    const text = await documentText('notice.docx', await autoNumberedNotice());
    const lines = text.split('\n').filter((line) => line.trim());
    expect(lines).toEqual([
      '根据市委统一部署,巡察组对某单位进行了巡察。现将巡察整改进展情况予以公布。',
      '一、提高政治站位,坚决扛起巡察整改政治责任',
      '一是提高政治站位,加强组织领导。',
      '二、坚持问题导向,全面推进整改任务落地落细',
      '（一）贯彻重大决策部署方面',
      '1.深入学习贯彻重要讲话精神',
      '（1）加强学习研讨。一是坚持“第一议题”制度。二是召开学习会议20次。',
      '（2）注重学用结合。一是编制实施方案。',
      '2.认真落实改革创新发展重大决策',
      '（1）加强创新驱动培育。一是出台扶持政策。二是推进校企合作。',
      '（二）落实全面从严治党方面',
      '1.落实主体责任',
      '（1）压实管党治党责任。一是召开专题会议。',
      '三、巩固整改成果,持续推动整改工作走深走实',
      '下一步,我们将持续抓好整改。',
    ]);
    const parsed = parseNotice(text);
    const problems = parsed.sections.flatMap((section) => problemsOf(section));
    expect(problems.map(({ problem }) => problem.title)).toEqual([
      '加强学习研讨',
      '注重学用结合',
      '加强创新驱动培育',
      '压实管党治党责任',
    ]);
  });

  it('numbers headings whose style carries the numbering, unless the paragraph switches it off', async () => {
    const document = new Document({
      styles: { paragraphStyles: [{ id: 'NoticeHeading', name: 'Notice Heading', run: {} }] },
      numbering: {
        config: [
          { reference: 'notice', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 }] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '直接编号的标题', numbering: { reference: 'notice', level: 0 } }),
            new Paragraph({ text: '样式编号的标题', style: 'NoticeHeading' }),
            new Paragraph({ text: '取消编号的段落', style: 'NoticeHeading' }),
            new Paragraph({ text: '又一个样式编号的标题', style: 'NoticeHeading' }),
          ],
        },
      ],
    });
    // Word links a heading style to a list in styles.xml; the docx library does not, so write it in.
    const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    const numId = /<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g.exec(
      numbering.slice(numbering.lastIndexOf('<w:num ')),
    )![1];
    const styles = await zip.file('word/styles.xml')!.async('string');
    zip.file(
      'word/styles.xml',
      styles.replace(
        '<w:name w:val="Notice Heading"/>',
        `<w:name w:val="Notice Heading"/><w:pPr><w:numPr><w:numId w:val="${numId}"/></w:numPr></w:pPr>`,
      ),
    );
    const body = await zip.file('word/document.xml')!.async('string');
    zip.file(
      'word/document.xml',
      body.replace(
        '<w:pStyle w:val="NoticeHeading"/></w:pPr><w:r><w:t xml:space="preserve">取消',
        '<w:pStyle w:val="NoticeHeading"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">取消',
      ),
    );

    const text = await documentText('styled.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(text.split('\n').filter((line) => line.trim())).toEqual([
      '一、直接编号的标题',
      '二、样式编号的标题',
      '取消编号的段落',
      '三、又一个样式编号的标题',
    ]);
  });

  it('restarts a list instance that overrides its start, and continues one that does not, as Word does', async () => {
    const item = (instance: number, text: string) =>
      new Paragraph({ text, numbering: { reference: 'notice', level: 0, instance } });
    const document = new Document({
      numbering: {
        config: [
          { reference: 'notice', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 }] },
        ],
      },
      sections: [{ children: [item(1, '甲'), item(1, '乙'), item(2, '丙')] }],
    });
    const bytes = await Packer.toBuffer(document);
    const lines = async (docx: Buffer) =>
      (await documentText('lists.docx', docx)).split('\n').filter((line) => line.trim());
    // The docx library gives each instance a start override: the second list starts again.
    expect(await lines(bytes)).toEqual(['一、甲', '二、乙', '一、丙']);
    // Without overrides, instances of one list definition count on together.
    const zip = await JSZip.loadAsync(bytes);
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    zip.file('word/numbering.xml', numbering.replace(/<w:lvlOverride [^]*?<\/w:lvlOverride>/g, ''));
    expect(await lines(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual(['一、甲', '二、乙', '三、丙']);
  });

  it('leaves a document without numbering as it was', async () => {
    const plain = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('一、手写的编号'), new Paragraph('正文')] }] }),
    );
    expect((await documentText('plain.docx', plain)).split('\n').filter((line) => line.trim())).toEqual([
      '一、手写的编号',
      '正文',
    ]);
  });

  it('formats counters in the number formats Chinese documents use', () => {
    expect([1, 10, 11, 20, 21].map((count) => formatCounter(count, 'chineseCounting'))).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
    ]);
    expect([1, 3].map((count) => formatCounter(count, 'ideographTraditional'))).toEqual(['甲', '丙']);
    expect(formatCounter(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatCounter(12, 'decimalFullWidth')).toBe('１２');
    expect([1, 4, 27].map((count) => formatCounter(count, 'upperLetter'))).toEqual(['A', 'D', 'AA']);
    expect(formatCounter(14, 'lowerRoman')).toBe('xiv');
    expect(formatCounter(5, 'bullet')).toBe('');
  });
});
