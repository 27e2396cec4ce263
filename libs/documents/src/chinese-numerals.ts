const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; null when the text is not a Chinese numeral. */
export function chineseToNumber(text: string): number | null {
  if (!text || !/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (char === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = DIGITS[char];
    }
  }
  return total + current;
}

const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 999). */
export function numberToChinese(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999) return String(value);
  if (value === 0) return '零';
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let text = '';
  if (hundreds) text += `${UNITS[hundreds]}百`;
  if (tens) text += `${hundreds || tens > 1 ? UNITS[tens] : ''}十`;
  else if (hundreds && ones) text += '零';
  if (ones) text += UNITS[ones];
  return text;
}
