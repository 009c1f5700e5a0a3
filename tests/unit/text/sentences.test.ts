import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../utils/text/sentences';

const texts = (t: string, lang: Parameters<typeof splitSentences>[1]): string[] => splitSentences(t, lang).map((s) => s.text);

describe('splitSentences — Chinese', () => {
  it('splits on CJK terminators and keeps closing quotes with the sentence', () => {
    expect(texts('今天很冷！真的嗎？？好吧……走了。他說：「我很好。」她點頭。', 'zh-Hant')).toEqual([
      '今天很冷！',
      '真的嗎？？',
      '好吧……',
      '走了。',
      '他說：「我很好。」',
      '她點頭。',
    ]);
  });
  it('keeps a multi-sentence quotation whole', () => {
    expect(texts('他表示：「這是第一句。這是第二句！」隨後離開。', 'zh-Hant')).toEqual(['他表示：「這是第一句。這是第二句！」', '隨後離開。']);
  });
  it('treats ； as a terminator and newlines as unit separators', () => {
    expect(texts('第一項；第二項\n標題\n內文。', 'zh-Hans')).toEqual(['第一項；', '第二項', '標題', '內文。']);
  });
  it('returns offsets into the input and never empty units', () => {
    const input = '  第一句。  \n\n——\n第二句！';
    const spans = splitSentences(input, 'zh-Hant');
    for (const s of spans) {
      expect(s.text.length).toBeGreaterThan(0);
      expect(input.slice(s.start, s.end)).toBe(s.text);
    }
    expect(spans.map((s) => s.text)).toEqual(['第一句。', '第二句！']);
  });
});

describe('splitSentences — Japanese', () => {
  it('keeps 「…。」と述べた together and splits on 。', () => {
    expect(texts('首相は24日、「新しい計画を発表する。」と述べた。『すごい！』と彼は言った。', 'ja')).toEqual([
      '首相は24日、「新しい計画を発表する。」と述べた。',
      '『すごい！』と彼は言った。',
    ]);
  });
});

describe('splitSentences — English', () => {
  it('does not split at abbreviations, initials or decimals', () => {
    expect(texts('Mr. Smith paid $3.85 to Dr. Jones of Acme Inc. on Jan. 5. He left.', 'en')).toEqual([
      'Mr. Smith paid $3.85 to Dr. Jones of Acme Inc. on Jan. 5.',
      'He left.',
    ]);
    expect(texts('The U.S. economy grew, e.g. in Ohio, and No. 1 seed J. K. Rowling won. Next one.', 'en')).toEqual([
      'The U.S. economy grew, e.g. in Ohio, and No. 1 seed J. K. Rowling won.',
      'Next one.',
    ]);
  });
  it('handles ellipses, question marks and closing quotes', () => {
    expect(texts('Wait... what? "Go home." She did.', 'en')).toEqual(['Wait... what?', '"Go home."', 'She did.']);
    expect(texts('It trailed off... and then stopped.', 'en')).toEqual(['It trailed off... and then stopped.']);
  });
  it('treats list items and headings on their own lines as units', () => {
    expect(texts('Key facts\n- first item\n- second item', 'en')).toEqual(['Key facts', '- first item', '- second item']);
  });
});
