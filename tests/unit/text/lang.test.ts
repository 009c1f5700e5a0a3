import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../utils/text/lang';

describe('detectLanguage', () => {
  it('tells Traditional from Simplified Chinese by characteristic characters', () => {
    expect(detectLanguage('這是一個繁體中文的句子，我們來測試語言偵測。')).toBe('zh-Hant');
    expect(detectLanguage('这是一个简体中文的句子，我们来测试语言检测。')).toBe('zh-Hans');
  });
  it('lets the text override a wrong declaration', () => {
    expect(detectLanguage('東京都は24日、新しい計画を発表した。', 'zh-TW')).toBe('ja');
    expect(detectLanguage('這是一個繁體中文的句子。', 'en')).toBe('zh-Hant');
    expect(detectLanguage('The president said on Monday that the plan was ready.', 'zh-CN')).toBe('en');
  });
  it('uses the declaration only to break ties', () => {
    expect(detectLanguage('中文', 'zh-CN')).toBe('zh-Hans');
    expect(detectLanguage('Привет, как дела?')).toBe('other');
  });
});
