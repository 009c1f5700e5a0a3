import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { analyzeDocument, cleanByline, stripSiteSuffix } from '../../utils/analysis';
import { FIXTURES, loadAfterNavigation, loadFixture, loadWithScripts } from './fixtures';

const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Node.DOCUMENT_POSITION_FOLLOWING (no DOM globals in this test file). */
const FOLLOWING = 4;

describe('analyzeDocument on every Yahoo fixture', () => {
  for (const f of FIXTURES) {
    it(`${f.file}: ${f.expect.isArticle ? 'nothing from the feed, rails or ads' : 'reported as not an article'}`, () => {
      const { doc, url } = loadFixture(f.file);
      const feedText = Array.from(doc.querySelectorAll('[data-fixture="feed-item"], [data-fixture="ad"]')).map((e) => squeeze(e.textContent ?? ''));
      const a = analyzeDocument(doc, url);
      if (!f.expect.isArticle) {
        expect(a.article).toBeNull();
        expect(a.keyPoints).toEqual([]);
        return;
      }
      expect(a.article).not.toBeNull();
      expect(a.keyPoints.length).toBeGreaterThanOrEqual(1);
      for (const p of [...a.article!.paragraphs, ...a.keyPoints.map((k) => k.text)]) {
        const probe = squeeze(p).replace(/…$/u, '').slice(0, 24);
        if (probe.length < 12) continue; // short labels ("廣告" is dropped anyway) prove nothing
        for (const item of feedText) expect(item, `"${p}" comes from the feed`).not.toContain(probe);
      }
      for (const p of a.article!.paragraphs) expect(p).not.toMatch(/^(廣告|広告|Advertisement)$/);
      // Nor a line of the page's navigation or of a toolbar outside the story (a breadcrumb's
      // "Yahoo!ニュース", a reading toolbar's hint), whole.
      const controls = Array.from(doc.querySelectorAll('nav, [role="toolbar"]')).filter((el) => !el.closest('[data-fixture="article"]'));
      // Not the story's own words: a contents list's entries are its subheadings too.
      const story = Array.from(doc.querySelectorAll('[data-fixture="article"]')).map((e) => squeeze(e.textContent ?? '')).join('\n');
      const lines = new Set(controls.flatMap((el) => [el, ...Array.from(el.querySelectorAll('a, li, span, button'))]).map((e) => squeeze(e.textContent ?? '')).filter((t) => t.length >= 2 && !story.includes(t)));
      const toolbars = controls.filter((el) => el.matches('[role="toolbar"]')).map((e) => squeeze(e.textContent ?? ''));
      for (const p of [...a.article!.paragraphs, ...a.keyPoints.map((k) => k.text)]) {
        const line = squeeze(p);
        expect(lines.has(line), `"${p}" is a control's`).toBe(false);
        if (line.length >= 6 && !story.includes(line)) for (const t of toolbars) expect(t, `"${p}" is a toolbar's`).not.toContain(line);
      }
      expect(a.article!.title).not.toMatch(/Yahoo/);
      // The headline is the title, not a key point (a headline that is no h1 is still one).
      for (const k of a.keyPoints) expect(squeeze(k.text), 'a key point that is the headline').not.toBe(squeeze(a.article!.title));
    });
  }

  it('leaves the document it is given untouched, and gives the same result when it may consume it', () => {
    for (const file of ['tw-modern-seed.html', 'caas-en.html', 'jp-article.html']) {
      const { doc, url } = loadFixture(file);
      const before = doc.documentElement.outerHTML;
      const kept = analyzeDocument(doc, url);
      expect(doc.documentElement.outerHTML, file).toBe(before);
      // Consumed: cleaned in place (the feed is gone from it), with the same analysis.
      const consumed = analyzeDocument(doc, url, { consume: true });
      expect(consumed, file).toEqual(kept);
      expect(doc.documentElement.outerHTML, file).not.toBe(before);
    }
  });

  it('the seed: title, provider, author, time, language, and its entities', () => {
    const { doc, url } = loadFixture('tw-modern-seed.html');
    const a = analyzeDocument(doc, url);
    expect(a.article?.title).toBe('千問恐慌！阿里巴巴的AI野心如何撼動矽谷');
    expect(a.article?.lang).toBe('zh-Hant');
    expect(a.article?.published).toMatch(/^2025-11-24/);
    expect(a.feed.blocks.map((b) => [b.heading, b.kind])).toContainEqual(['其他人也在看', 'recommended']);
    const names = a.entities.map((e) => e.text);
    for (const n of ['阿里巴巴', 'OpenAI', '李飛飛', '史丹佛大學', '矽谷']) expect(names).toContain(n);
    for (const n of ['梁朝偉', '盧秀燕', '澤倫斯基']) expect(names).not.toContain(n);
    // Subheadings are labels, never key points.
    expect(a.keyPoints.map((k) => k.text)).not.toContain('大語言模型：應用和成本之戰');
  });

  it('strips site suffixes and a Yahoo! JAPAN source in parentheses', () => {
    expect(stripSiteSuffix('千問恐慌！阿里巴巴的AI野心如何撼動矽谷 - Yahoo奇摩新聞')).toBe('千問恐慌！阿里巴巴的AI野心如何撼動矽谷');
    expect(stripSiteSuffix('Fed holds rates steady - Yahoo News')).toBe('Fed holds rates steady');
    expect(stripSiteSuffix('熊本に新工場 - Yahoo!ニュース')).toBe('熊本に新工場');
    // Yahoo's own series label in brackets (a Yahoo!ニュース オリジナル feature); not a source's.
    expect(stripSiteSuffix('峰越線を支える人たち（Yahoo!ニュース オリジナル 特集） - Yahoo!ニュース')).toBe('峰越線を支える人たち');
    expect(stripSiteSuffix('首相が会見（毎朝経済新聞）')).toBe('首相が会見（毎朝経済新聞）');
    const { doc, url } = loadFixture('jp-article.html');
    expect(analyzeDocument(doc, url).article?.title).not.toMatch(/（.*）$/);
  });

  it('cleans reading times and separators out of a byline line', () => {
    expect(cleanByline('文／陳映璇 ・ ・ 4 分鐘 閱讀時間')).toBe('文／陳映璇');
    expect(cleanByline('By Dana Whitfield · 3 min read')).toBe('By Dana Whitfield');
    expect(cleanByline(' ・ ')).toBeNull();
    expect(cleanByline('有線新聞・記者 梁芷澄 ・3 分鐘睇完')).toBe('有線新聞 記者 梁芷澄');
  });

  it('the current article\'s byline is its words: not an avatar\'s drawn initial, share buttons or a hidden "link copied" notice; a line of its date and reading time alone is read with the line naming the author', async () => {
    const river = await loadAfterNavigation('hk-petite-arco-cantonese-headings-river.html');
    expect(analyzeDocument(river.doc, river.url).article?.byline).toBe('有線新聞 記者 梁芷澄');
    const next = await afterAppend('hk-marko-bulma-continuous-next.html');
    expect(analyzeDocument(next.doc, next.url).article?.byline).toBe('Yahoo新聞 記者 鄭綺文');
  });

  it('never throws on empty, tiny or malformed documents', () => {
    for (const html of ['', '<html><body></body></html>', '<p>unclosed <b>tags <table><tr><td>cell', '<script>while(true){}</script>']) {
      const doc = new JSDOM(html, { url: 'https://example.com/a.html' }).window.document;
      expect(() => analyzeDocument(doc, 'https://example.com/a.html')).not.toThrow();
    }
  });
});

describe('figure captions in the article text', () => {
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the city council met on Monday and debated the transport budget for the northern districts at length, with residents speaking for and against it.</p>`).join('');
  const longCaption = 'A video showing the moment the council voted on the transport budget was released on Monday by the city, with residents reacting outside the hall afterwards.';
  const page = (figure: string) =>
    `<!doctype html><html lang="en"><head><title>Council budget</title><meta property="og:type" content="article"></head><body><article><h1>Council budget</h1>${figure}${body}</article></body></html>`;
  const analyse = (figure: string) => {
    const url = 'https://example.com/news/council-budget.html';
    const doc = new JSDOM(page(figure), { url }).window.document;
    return analyzeDocument(doc, url).article?.paragraphs ?? [];
  };

  it('keeps the prose caption of a video figure (a summary of the story)', () => {
    const paragraphs = analyse(`<figure><div class="leadMedia video"><video src="v.mp4"></video></div><figcaption><p>${longCaption}</p></figcaption></figure>`);
    expect(paragraphs).toContain(longCaption);
  });
  it('drops photo captions, however long', () => {
    const paragraphs = analyse(`<figure><img src="p.jpg" width="800" height="600"><figcaption><p>${longCaption}</p></figcaption></figure>`);
    expect(paragraphs.join('\n')).not.toContain('A video showing');
  });
  it("drops a media player's own words (its loading notice, its controls' labels, its clock) and keeps its prose caption", () => {
    const player = `<div class="video-js" role="region" aria-label="Video Player"><video src="v.mp4"></video><div class="vjs-title-bar">How the nets are checked</div><div class="vjs-loading-spinner"><span>Video Player is loading.</span></div><button type="button"><span>Play Video</span></button><div class="vjs-control-bar"><div><span>Current Time&nbsp;</span><span>0:00</span></div><div><span>Duration&nbsp;</span><span>1:42</span></div></div></div>`;
    const paragraphs = analyse(`<figure>${player}<figcaption><p>${longCaption}</p></figcaption></figure>`);
    const text = paragraphs.join('\n');
    for (const words of ['Video Player is loading', 'Current Time', 'Duration', 'Play Video', 'How the nets are checked']) expect(text).not.toContain(words);
    expect(paragraphs).toContain(longCaption);
  });
  it('drops a short video label', () => {
    const paragraphs = analyse(`<figure><div class="player"><iframe src="https://example.com/embed"></iframe></div><figcaption>Watch: the vote</figcaption></figure>`);
    expect(paragraphs.join('\n')).not.toContain('Watch: the vote');
  });
});

/** Pages that append the next article by themselves (a timer after load) and move the URL and
 * title to it with replaceState: loaded with their scripts, until both articles are there. */
const CONTINUOUS = ['us-sports-mui-continuous-next-article.html', 'hk-marko-bulma-continuous-next.html', 'jp-elm-next-story-replacestate.html'];
/** Longest these pages may take to append the next article: their timers run late when the
 * unit files share CI's two cores (vitest.config.ts). The wait ends once both are there. */
const APPEND_SETTLE_MS = 15_000;

async function afterAppend(file: string): Promise<{ doc: Document; url: string }> {
  const { doc } = loadWithScripts(file);
  const headlines = () => doc.querySelectorAll('[data-fixture="headline"]').length;
  for (const end = Date.now() + APPEND_SETTLE_MS; headlines() < 2 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  expect(headlines()).toBe(2);
  return { doc, url: doc.location.href };
}

describe('a page holding more than one article (the next one appended in place)', () => {
  for (const [file, how, load] of [
    ...FIXTURES.filter((x) => x.expect.afterNavigation && x.expect.isArticle).map((f) => [f.file, 'after in-site navigation', loadAfterNavigation] as const),
    ...CONTINUOUS.map((f) => [f, 'once the page has appended the next article and moved the URL to it', afterAppend] as const),
  ]) {
    it(`${file}: ${how}, the analysis is of the article the URL and title name`, async () => {
      const { doc, url } = await load(file);
      const headlines = Array.from(doc.querySelectorAll('[data-fixture="headline"]'));
      const current = headlines.find((h) => squeeze(doc.title).includes(squeeze(h.textContent ?? '').slice(0, 20)));
      expect(current, 'a headline the title names').toBeDefined();
      const a = analyzeDocument(doc, url);
      expect(squeeze(a.article!.title)).toBe(squeeze(current!.textContent ?? ''));
      // Every key point is a sentence of the current article's body, none of another one's.
      // (Its body is the first after its headline.)
      const body = Array.from(doc.querySelectorAll('[data-fixture="article"]')).find((b) => current!.compareDocumentPosition(b) & FOLLOWING);
      const ownText = squeeze(body!.textContent ?? '');
      for (const k of a.keyPoints) expect(ownText, k.text).toContain(squeeze(k.text).replace(/…$/u, '').slice(0, 20));
      // Its author is the one its byline names, not the first article's (the page's metadata).
      const byline = Array.from(doc.querySelectorAll('[data-fixture="byline"]')).find((b) => current!.compareDocumentPosition(b) & FOLLOWING);
      // (Both cleaned as a byline is: "有線新聞・記者" reads "有線新聞 記者".)
      const words = (s: string) => squeeze(cleanByline(s) ?? '');
      if (a.article!.byline) expect(words(byline!.textContent ?? ''), 'author').toContain(words(a.article!.byline).slice(0, 6));
    });
  }
});
