/** The public notice page: nothing but the published notice and the feedback form; every text escaped. */
import { noticeBlocks, NoticeContent } from '@rectiflow/documents';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

export function publicNoticePage(noticeId: string, content: NoticeContent, message: string | null = null): string {
  const body = noticeBlocks(content)
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
  const action = `/api/public/notices/${encodeURIComponent(noticeId)}/feedback`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title)}</title>
<style>
body{max-width:46em;margin:2em auto;padding:0 1em;font-family:"FangSong","STFangsong",serif;line-height:1.9;color:#222}
h1{text-align:center;font-size:1.5em}h2,h3,h4{font-size:1.05em;margin:1.2em 0 .3em}
p{text-indent:2em;margin:.3em 0}.signature{text-align:right;text-indent:0}
form{margin-top:2.5em;padding:1em;border:1px solid #ccc}form p{text-indent:0}label{display:block;margin:.5em 0 .2em}
input,textarea{width:100%;box-sizing:border-box;font:inherit}.message{color:#0a0;text-indent:0}
</style>
</head>
<body>
<article>
${body}
</article>
<form method="post" action="${action}">
<h2>群众监督 · 意见建议</h2>
${message ? `<p class="message">${escapeHtml(message)}</p>` : ''}
<label for="name">姓名(可不填)</label><input id="name" name="name" maxlength="50">
<label for="contact">联系方式(可不填)</label><input id="contact" name="contact" maxlength="100">
<label for="content">意见建议</label><textarea id="content" name="content" rows="5" maxlength="2000" required></textarea>
<p><button type="submit">提交</button></p>
</form>
</body>
</html>
`;
}
