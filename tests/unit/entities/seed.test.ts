import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../utils/entities/index';
import { sharedFile } from '../shared';

const SEED = sharedFile('seed/yahoo-tw-qwen-panic.txt') ?? '';

describe.runIf(SEED !== '' && existsSync(SEED))('seed article (yahoo-tw-qwen-panic)', () => {
  const article = readFileSync(SEED, 'utf8').split('其他人也在看')[0] ?? '';
  const lines = article.split('\n').filter((l) => l.trim());
  const ents = extractEntities({ title: lines[0] ?? '', paragraphs: lines.slice(1), lang: 'zh-Hant' });
  const forms = (e: (typeof ents)[number]): string[] => [e.text, ...e.aliases];
  const find = (text: string) => ents.find((e) => forms(e).includes(text));

  it.each([
    ['布萊恩·切斯基', 'person'],
    ['Brian Chesky', 'person'],
    ['奧特曼', 'person'],
    ['李飛飛', 'person'],
    ['施密特', 'person'],
    ['阿里巴巴', 'organization'],
    ['Airbnb', 'organization'],
    ['OpenAI', 'organization'],
    ['Hugging Face', 'organization'],
    ['史丹佛大學', 'organization'],
    ['美國白宮', 'organization'],
    ['矽谷', 'place'],
    ['華府', 'place'],
    ['11月15日', 'date'],
    ['2025年', 'date'],
    ['3.85億次', 'quantity'],
    ['1.5%', 'quantity'],
    ['50美元', 'quantity'],
  ])('finds %s as %s', (text, type) => {
    expect(find(text)?.type).toBe(type);
  });

  it('links Brian Chesky and 切斯基 to 布萊恩·切斯基', () => {
    expect(find('Brian Chesky')?.text).toBe('布萊恩·切斯基');
    expect(find('切斯基')?.text).toBe('布萊恩·切斯基');
  });

  it('ranks the main subject (阿里巴巴, in the title) near the top and has no label entities', () => {
    expect(ents.slice(0, 3).map((e) => e.text)).toContain('阿里巴巴');
    expect(ents.filter((e) => ['資料來源', '核稿編輯', '他', '她', '公司', '政府'].includes(e.text))).toEqual([]);
  });
});
