import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentText } from './document-text';
import { renderNoticeDocx } from './notice-docx';
import { parseNotice } from './notice-parser';
import { NoticeContent, renderNoticeMarkdown, renderNoticeText } from './notice-render';

const SEED = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'seed',
  'xuancheng-edz-rectification-progress-2025-07-25.txt',
);
const seed = parseNotice(readFileSync(SEED, 'utf8'));

function contentFromSeed(): NoticeContent {
  return {
    title: '宣城经开区党工委关于巡察整改进展情况的通报',
    opening: seed.preamble!,
    part1: { title: seed.sections[0].title, paragraphs: seed.sections[0].narrative!.split('\n') },
    sections: [seed.sections[1]],
    part3: { title: seed.sections[2].title, paragraphs: seed.sections[2].narrative!.split('\n') },
    closingCall: '欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议,请及时向我们反映。',
    contact: seed.contact,
    signer: seed.signer!,
    date: seed.date!,
  };
}

function shape(parsed: ReturnType<typeof parseNotice>) {
  return JSON.stringify(parsed.sections.map((section) => ({ ...section, narrative: undefined })));
}

it('writes the seed back as text that parses to the same structure and counts', () => {
  const text = renderNoticeText(contentFromSeed());
  const again = parseNotice(text);
  expect(again.counts).toEqual(seed.counts);
  expect(shape(again)).toBe(shape(seed));
  expect(again.warnings).toEqual([]);
  expect(again.contact).toEqual(seed.contact);
  expect(again.title).toBe('宣城经开区党工委关于巡察整改进展情况的通报');
});

it('reproduces the seed line for line, apart from the title and parenthesis width', () => {
  const text = renderNoticeText(contentFromSeed()).split('\n').slice(1).join('\n');
  const original = readFileSync(SEED, 'utf8')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/ 三是/g, '三是')
    .replace(/邮 编/g, '邮 编');
  const expectedProblemLines = original.split('\n').filter((line) => /^\(\d+\)/.test(line));
  const producedProblemLines = text.split('\n').filter((line) => /^\(\d+\)/.test(line));
  expect(producedProblemLines).toEqual(expectedProblemLines);
});

it('writes Markdown that parses to the same structure', () => {
  expect(shape(parseNotice(renderNoticeMarkdown(contentFromSeed())))).toBe(shape(seed));
});

it('writes a .docx that opens and contains every problem title, and parses back the same', async () => {
  const bytes = await renderNoticeDocx(contentFromSeed());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const text = await documentText('notice.docx', bytes);
  for (const placed of seed.sections[1].categories!.flatMap((category) =>
    category.groups!.flatMap((group) => group.problems),
  )) {
    expect(text).toContain(placed.title);
  }
  const again = parseNotice(text);
  expect(again.counts).toEqual(seed.counts);
  expect(shape(again)).toBe(shape(seed));
});

it('escapes Markdown in user text', () => {
  const content = contentFromSeed();
  content.opening = '<script>alert(1)</script> **bold**';
  expect(renderNoticeMarkdown(content)).toContain('\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\*');
});
