import { describe, expect, it } from '@jest/globals';
import { ACTIONS } from '@rectiflow/domain/actions';
import { REFUSAL_CODES } from '@rectiflow/domain/refusal';
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';

type Texts = Record<string, Record<string, unknown>>;
const LOCALES: [string, Texts][] = [
  ['zh-CN', zhCN as unknown as Texts],
  ['en-US', enUS as unknown as Texts],
];

/**
 * Every action and every refusal the server can name has its words in both languages: a missing one
 * shows its raw key on screen ("已action.answer_supervision" did, for the 督办单's two actions).
 */
describe('the locales', () => {
  it.each(LOCALES)('%s names every action (its button and its history entry) and every refusal', (_, texts) => {
    const missing = [
      ...ACTIONS.filter((action) => typeof texts.action[action] !== 'string').map((action) => `action.${action}`),
      ...ACTIONS.filter((action) => typeof texts.event[action] !== 'string').map((action) => `event.${action}`),
      ...REFUSAL_CODES.filter((code) => typeof texts.refusal[code] !== 'string').map((code) => `refusal.${code}`),
    ];
    expect(missing).toEqual([]);
  });
});
