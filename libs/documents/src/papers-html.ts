/** A formal paper as a printable web page (A4, the 公文 fonts, tables ruled); every text escaped. */
import type { PaperBlock } from './papers-docx';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const lines = (text: string) => text.split('\n').map(escape).join('<br>');

function html(block: PaperBlock): string {
  switch (block.kind) {
    case 'table': {
      const head = block.header
        ? `<thead><tr>${block.header.map((c) => `<th>${lines(c)}</th>`).join('')}</tr></thead>`
        : '';
      const body = block.rows.map((row) => `<tr>${row.map((c) => `<td>${lines(c)}</td>`).join('')}</tr>`).join('');
      return `<table>${head}<tbody>${body}</tbody></table>`;
    }
    case 'title':
      return `<h1>${escape(block.text)}</h1>`;
    case 'number':
      return `<p class="number">${escape(block.text)}</p>`;
    case 'section':
      return `<h2>${escape(block.text)}</h2>`;
    case 'category':
    case 'group':
      return `<h3>${escape(block.text)}</h3>`;
    case 'addressee':
      return `<p class="addressee">${escape(block.text)}</p>`;
    case 'signature':
      return `<p class="signature">${escape(block.text)}</p>`;
    default:
      return `<p>${lines(block.text)}</p>`;
  }
}

export function renderPaperHtml(title: string, blocks: PaperBlock[]): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: 仿宋_GB2312, FangSong, serif; font-size: 16pt; line-height: 1.75; max-width: 160mm; margin: 0 auto; }
h1 { font-family: 方正小标宋简体, SimSun, serif; font-size: 22pt; font-weight: normal; text-align: center; }
h2 { font-family: 黑体, SimHei, sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
h3 { font-family: 楷体_GB2312, KaiTi, serif; font-size: 16pt; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; }
p.number { text-align: center; text-indent: 0; margin-bottom: 1em; }
p.addressee { text-indent: 0; }
p.signature { text-align: right; }
table { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 0.5em 0; }
th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
th { text-align: center; }
</style></head>
<body>
${blocks.map(html).join('\n')}
</body></html>
`;
}
