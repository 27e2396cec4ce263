/** The public notice page: the published version, its siblings, published answers and the feedback form; every text escaped. */
import { chineseDate, noticeBlocks, NoticeContent } from '@rectiflow/documents';
import type { PublishedAnswerRow } from '@rectiflow/persistence';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

export interface PublicPage {
  content: NoticeContent;
  /** The version shown. */
  version: number;
  /** Every published version, newest first. */
  versions: { version: number; publishedAt: Date; publicUrl: string }[];
  answers: PublishedAnswerRow[];
  feedbackAction: string;
  /** After a message was sent: the thank-you, shown in place of the form and scrolled to. */
  thanks: string | null;
}

function articleHtml(content: NoticeContent): string {
  return noticeBlocks(content)
    .map((block) => {
      const text = escapeHtml(block.text);
      switch (block.kind) {
        case 'title':
          return `<h1>${text}</h1>`;
        case 'section':
          return `<h2>${text}</h2>`;
        case 'category':
          return `<h3>${text}</h3>`;
        case 'group':
          return `<h4>${text}</h4>`;
        case 'signature':
          return `<p class="signature">${text}</p>`;
        default:
          return `<p>${text}</p>`;
      }
    })
    .join('\n');
}

/** On an earlier version: a note at the top pointing to the newest. */
function olderHtml(page: PublicPage): string {
  const newest = page.versions[0];
  if (!newest || newest.version === page.version) return '';
  return `<p class="older" role="note">这是第${page.version}版,不是最新版本。<a href="${escapeHtml(newest.publicUrl)}">查看最新版(第${newest.version}版)</a></p>`;
}

function versionsHtml(page: PublicPage): string {
  if (page.versions.length < 2) return '';
  const items = page.versions
    .map((item) => {
      const label = `第${item.version}版 · ${escapeHtml(chineseDate(new Date(item.publishedAt)))}发布`;
      return item.version === page.version
        ? `<li aria-current="page">${label}</li>`
        : `<li><a href="${escapeHtml(item.publicUrl)}">${label}</a></li>`;
    })
    .join('');
  return `<nav class="versions" aria-label="历次发布"><h2>历次发布</h2><ul>${items}</ul></nav>`;
}

function answersHtml(answers: PublishedAnswerRow[]): string {
  if (!answers.length) return '';
  const items = answers
    .map(
      (item) =>
        `<li><p class="question"><strong>群众意见:</strong>${escapeHtml(item.content)}</p><p class="answer"><strong>答复:</strong>${escapeHtml(item.answer)}</p></li>`,
    )
    .join('\n');
  return `<section class="answers" id="answers"><h2>群众意见答复</h2><ol>${items}</ol></section>`;
}

function formHtml(page: PublicPage): string {
  if (page.thanks)
    return `<section id="feedback" class="feedback"><h2>群众监督 · 意见建议</h2>
<p id="thanks" class="message" role="status" tabindex="-1" autofocus>${escapeHtml(page.thanks)}</p>
<p><a href="${escapeHtml(page.versions[0]?.publicUrl ?? '#')}">返回通报</a></p></section>`;
  return `<form id="feedback" class="feedback" method="post" action="${escapeHtml(page.feedbackAction)}#thanks">
<h2>群众监督 · 意见建议</h2>
<label for="name">姓名(可不填)</label><input id="name" name="name" maxlength="50">
<label for="contact">联系方式(可不填)</label><input id="contact" name="contact" maxlength="100">
<label for="content">意见建议</label><textarea id="content" name="content" rows="5" maxlength="2000" required></textarea>
<p><button type="submit">提交</button></p>
</form>`;
}

export function publicNoticePage(page: PublicPage): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.content.title)}</title>
<style>
body{max-width:46em;margin:2em auto;padding:0 1em;font-family:"FangSong","STFangsong",serif;line-height:1.9;color:#222}
h1{text-align:center;font-size:1.5em}h2,h3,h4{font-size:1.05em;margin:1.2em 0 .3em}
p{text-indent:2em;margin:.3em 0}.signature{text-align:right;text-indent:0}
.feedback{margin-top:2.5em;padding:1em;border:1px solid #ccc}.feedback p,.versions p,.answers p,.older{text-indent:0}
label{display:block;margin:.5em 0 .2em}input,textarea{width:100%;box-sizing:border-box;font:inherit}
.message{color:#0a0;font-size:1.1em;text-indent:0}.older{background:#fff7e6;padding:.5em}
</style>
</head>
<body>
${olderHtml(page)}
<article>
${articleHtml(page.content)}
</article>
${versionsHtml(page)}
${answersHtml(page.answers)}
${formHtml(page)}
</body>
</html>
`;
}
