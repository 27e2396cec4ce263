import { describe, expect, it } from '@jest/globals';
import { theme } from 'antd';
import { THEME } from './theme';

/** WCAG 2 contrast ratio of a colour (#rrggbb or rgba(r, g, b, a)) laid over an opaque background. */
function contrast(colour: string, background: string): number {
  const [br, bg, bb] = rgba(background);
  const [r, g, b, a] = rgba(colour);
  const over = [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
  const [light, dark] = [luminance(over), luminance([br, bg, bb])].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function rgba(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [...hex.slice(1).map((part) => parseInt(part, 16)), 1];
  const fn = /^rgba?\(([^)]+)\)$/.exec(colour);
  if (!fn) throw new Error(`not a colour: ${colour}`);
  const [r, g, b, a = 1] = fn[1].split(',').map(Number);
  return [r, g, b, a];
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const token = theme.getDesignToken(THEME) as unknown as Record<string, string>;
const tag = { ...token, ...(THEME.components?.Tag as Record<string, string>) };
const AA = 4.5;
const WHITE = '#ffffff';
// The antd presets the workbench's tags use, and the rest, so a new one is safe too.
const PRESETS = [
  'red',
  'volcano',
  'orange',
  'gold',
  'yellow',
  'lime',
  'green',
  'cyan',
  'blue',
  'geekblue',
  'purple',
  'magenta',
];

describe('the workbench theme', () => {
  it.each(PRESETS)('writes a %s tag readably on its light background', (colour) => {
    expect(contrast(tag[`${colour}7`], token[`${colour}1`])).toBeGreaterThanOrEqual(AA);
  });

  it.each(['Success', 'Warning', 'Error', 'Info'])('writes a %s status tag readably', (status) => {
    expect(contrast(tag[`color${status}`], token[`color${status}Bg`])).toBeGreaterThanOrEqual(AA);
  });

  it.each([
    ['description text', 'colorTextDescription'],
    ['label text', 'colorTextTertiary'],
    ['a link', 'colorLink'],
    ['a hovered link', 'colorLinkHover'],
    ['danger text', 'colorError'],
    ['primary text', 'colorPrimary'],
  ])('writes %s readably on white and on the grey page', (_, key) => {
    expect(contrast(token[key], WHITE)).toBeGreaterThanOrEqual(AA);
    expect(contrast(token[key], token.colorBgLayout)).toBeGreaterThanOrEqual(AA);
  });

  it('writes an empty list readably', () => {
    const list = THEME.components?.List as Record<string, string>;
    expect(contrast(list.colorTextDisabled, WHITE)).toBeGreaterThanOrEqual(AA);
  });

  it('writes an empty table readably', () => {
    const table = THEME.components?.Table as Record<string, string>;
    expect(contrast(table.colorTextDisabled, WHITE)).toBeGreaterThanOrEqual(AA);
  });

  it("writes the calendar's days of the other months readably", () => {
    const calendar = THEME.components?.Calendar as Record<string, string>;
    expect(contrast(calendar.colorTextDisabled, WHITE)).toBeGreaterThanOrEqual(AA);
  });

  it.each(['colorPrimary', 'colorError', 'colorErrorHover', 'colorLink'])('puts white text on %s readably', (key) => {
    expect(contrast(WHITE, token[key])).toBeGreaterThanOrEqual(AA);
  });
});
