import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURE_DIR, FIXTURES } from './fixtures';

const page = (file: string) => ({ html: readFileSync(join(FIXTURE_DIR, file), 'utf8'), url: FIXTURES.find((f) => f.file === file)!.url });

describe('compromise, loaded only when an article needs it', () => {
  it('a Chinese article never loads it; an English one loads it once, before its one analysis', async () => {
    // Fresh modules: nothing loaded yet, as in a just-opened offscreen document.
    vi.resetModules();
    const tagger = await import('../../utils/entities/tagger');
    const analysis = await import('../../utils/analysis');
    expect(() => tagger.englishTagger()).toThrow(tagger.EnglishTaggerNeeded);

    const seed = page('tw-modern-seed.html');
    const zh = await analysis.analyzeHtml(seed.html, seed.url);
    expect(zh.entities.map((e) => e.text)).toContain('阿里巴巴');
    expect(() => tagger.englishTagger()).toThrow(tagger.EnglishTaggerNeeded);

    const caas = page('caas-en.html');
    // The synchronous pipeline says what it lacks instead of analysing English half-way.
    expect(() => analysis.analyzeDocument(new DOMParser().parseFromString(caas.html, 'text/html'), caas.url)).toThrow(analysis.EnglishTaggerNeeded);
    // Its title says it is English: compromise loads first and the page is parsed and analysed
    // once, not once to find out and once more.
    const parses = vi.spyOn(DOMParser.prototype, 'parseFromString');
    const en = await analysis.analyzeHtml(caas.html, caas.url);
    expect(parses).toHaveBeenCalledTimes(1);
    parses.mockRestore();
    expect(tagger.englishTagger()).toBeTypeOf('function');
    expect(en.article?.lang).toBe('en');
    expect(en.entities.filter((e) => e.type === 'person' || e.type === 'organization' || e.type === 'place').length).toBeGreaterThan(2);
    // Analysed again with compromise in place: the same result.
    expect(await analysis.analyzeHtml(caas.html, caas.url)).toEqual(en);
  });

  it('a load that failed (a chunk that could not be read) is tried again by the next analysis', async () => {
    vi.resetModules();
    let fail = true;
    vi.doMock('compromise', async () => {
      if (fail) throw new Error('chunk missing');
      return vi.importActual('compromise');
    });
    const tagger = await import('../../utils/entities/tagger');
    await expect(tagger.loadEnglishTagger()).rejects.toThrow();
    expect(() => tagger.englishTagger()).toThrow(tagger.EnglishTaggerNeeded);
    fail = false;
    await tagger.loadEnglishTagger();
    expect(tagger.englishTagger()).toBeTypeOf('function');
    vi.doUnmock('compromise');
  });
});
