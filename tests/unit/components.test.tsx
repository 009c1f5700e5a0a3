import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { StateMessage } from '../../components/StateMessage';
import { KeyPointList } from '../../components/KeyPointList';
import { EntityGroups, groupEntities } from '../../components/EntityGroups';
import { StatusLine } from '../../components/StatusLine';
import { formatAnalysis } from '../../utils/format';
import { translator } from '../../utils/i18n';
import type { Entity } from '../../utils/entities';
import type { KeyPoint } from '../../utils/keypoints';
import type { ArticleAnalysis } from '../../utils/analysis';
import type { CleanupStatus } from '../../utils/cleanup/controller';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const en = translator('en');
const zh = translator('zh-TW');

function mount(node: preact.ComponentChild): HTMLElement {
  const el = document.createElement('div');
  document.body.appendChild(el);
  act(() => render(node, el));
  return el;
}

const ent = (text: string, type: Entity['type'], count: number, firstPosition: number, inTitle = false, aliases: string[] = []): Entity => ({
  text,
  type,
  count,
  aliases,
  mentions: [],
  firstPosition,
  inTitle,
});

const kp = (text: string, paragraph: number): KeyPoint => ({ text, paragraph, sentence: 0, start: 0, end: text.length, score: 1 });

describe('StateMessage', () => {
  it('renders an error as an alert with its action', () => {
    const el = mount(
      <StateMessage tone="error" title={en('error')} detail="boom">
        <button>{en('retry')}</button>
      </StateMessage>,
    );
    expect(el.querySelector('[role="alert"] .state-title')?.textContent).toBe('Something went wrong while analysing this page.');
    expect(el.querySelector('button')?.textContent).toBe('Try again');
  });
  it('renders loading as a busy status', () => {
    const el = mount(<StateMessage busy title={zh('analysing')} />);
    expect(el.querySelector('[role="status"]')?.getAttribute('aria-busy')).toBe('true');
    expect(el.textContent).toContain('正在分析文章');
  });
});

describe('KeyPointList', () => {
  it('numbers the points as buttons and reports clicks', () => {
    const onJump = vi.fn();
    const points = [kp('First point.', 0), kp('Second point.', 3)];
    const el = mount(<KeyPointList points={points} t={en} onJump={onJump} />);
    const buttons = el.querySelectorAll('ol.keypoints li button');
    expect(buttons.length).toBe(2);
    act(() => (buttons[1] as HTMLButtonElement).click());
    expect(onJump).toHaveBeenCalledWith(points[1]);
  });
  it('says so when there are none', () => {
    expect(mount(<KeyPointList points={[]} t={en} onJump={() => undefined} />).textContent).toBe('No key points could be found in this article.');
  });
  it('renders page text as text, never as markup', () => {
    const el = mount(<KeyPointList points={[kp('<img src=x onerror=alert(1)>', 0)]} t={en} onJump={() => undefined} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x');
  });
});

describe('entities', () => {
  const list = [
    ent('Kim', 'person', 1, 50),
    ent('Lee', 'person', 4, 80),
    ent('Park', 'person', 4, 10),
    ent('Seoul', 'place', 2, 5, true),
    ent('Busan', 'place', 9, 1),
    ent('Samsung', 'organization', 1, 3),
    ent('2025', 'date', 1, 2),
  ];
  it('groups by type in a fixed order, title mentions first, then count, then first position', () => {
    const groups = groupEntities(list, DEFAULT_SETTINGS.entityTypes);
    expect(groups.map(([t]) => t)).toEqual(['person', 'organization', 'place', 'date']);
    expect(groups[0]![1].map((e) => e.text)).toEqual(['Park', 'Lee', 'Kim']);
    expect(groups[2]![1].map((e) => e.text)).toEqual(['Seoul', 'Busan']);
  });
  it('hides the types switched off in the options', () => {
    const groups = groupEntities(list, { ...DEFAULT_SETTINGS.entityTypes, person: false, date: false });
    expect(groups.map(([t]) => t)).toEqual(['organization', 'place']);
  });
  it('renders chips with counts and accessible names, and a "more" button past the cap', () => {
    const many = Array.from({ length: 13 }, (_, i) => ent(`Name${i}`, 'person', 13 - i, i));
    const onChip = vi.fn();
    const el = mount(<EntityGroups entities={many} shown={DEFAULT_SETTINGS.entityTypes} colors={DEFAULT_SETTINGS.highlightColors} t={en} onChip={onChip} />);
    expect(el.querySelectorAll('.chip:not(.more)').length).toBe(10);
    expect(el.querySelector('.chip')?.getAttribute('aria-label')).toBe('Name0, 13 mentions');
    act(() => (el.querySelector('.chip.more') as HTMLButtonElement).click());
    expect(el.querySelectorAll('.chip:not(.more)').length).toBe(13);
    act(() => (el.querySelector('.chip') as HTMLButtonElement).click());
    expect(onChip).toHaveBeenCalledWith(many[0]);
  });
});

const status = (over: Partial<CleanupStatus> = {}): CleanupStatus => ({
  url: 'https://tw.news.yahoo.com/a-123456789.html',
  isArticle: true,
  yahooStyle: true,
  profile: 'yahoo-modern',
  active: true,
  pageRevealed: false,
  blocks: [],
  hiddenItems: 28,
  hiddenByKind: { recommended: 20, trending: 8, sponsored: 0, related: 0 },
  keptRelated: 1,
  articleRevision: 0,
  ...over,
});

describe('StatusLine', () => {
  const noop = () => undefined;
  it('says what was hidden and what was kept', () => {
    const el = mount(<StatusLine status={status()} t={en} onRevealToggle={noop} onSiteToggle={noop} />);
    expect(el.querySelector('.status-text')?.textContent).toBe('Hid 28 stories: 20 recommended, 8 trending · kept 1 related block');
    expect(el.querySelector('.status-profile')?.textContent).toBe('Layout: Yahoo (2024– layout)');
    const zhEl = mount(<StatusLine status={status()} t={zh} onRevealToggle={noop} onSiteToggle={noop} />);
    expect(zhEl.querySelector('.status-text')?.textContent).toBe('已隱藏 28 則：推薦新聞 20 則、熱門 8 則 · 保留 1 個相關區塊');
  });
  it('counts hidden modules with no stories to count (a feed in an iframe, a closed web component) instead of saying nothing was found', () => {
    const frame = { kind: 'recommended' as const, heading: '為你推薦', items: 0, hidden: true };
    const rail = { kind: 'trending' as const, heading: '熱門新聞', items: 0, hidden: true };
    const stream = { kind: 'recommended' as const, heading: '其他人也在看', items: 16, hidden: true };
    const only = status({ blocks: [frame], hiddenItems: 0, hiddenByKind: { recommended: 0, trending: 0, sponsored: 0, related: 0 }, keptRelated: 0 });
    expect(mount(<StatusLine status={only} t={en} onRevealToggle={noop} onSiteToggle={noop} />).querySelector('.status-text')?.textContent).toBe('Hid 1 feed module');
    expect(mount(<StatusLine status={only} t={zh} onRevealToggle={noop} onSiteToggle={noop} />).querySelector('.status-text')?.textContent).toBe('已隱藏 1 個推薦區塊');
    const mixed = status({ blocks: [frame, rail, stream], hiddenItems: 16, hiddenByKind: { recommended: 16, trending: 0, sponsored: 0, related: 0 }, keptRelated: 0 });
    expect(mount(<StatusLine status={mixed} t={en} onRevealToggle={noop} onSiteToggle={noop} />).querySelector('.status-text')?.textContent).toBe('Hid 16 stories: 16 recommended · plus 2 modules with no stories to count');
    expect(mount(<StatusLine status={mixed} t={zh} onRevealToggle={noop} onSiteToggle={noop} />).querySelector('.status-text')?.textContent).toBe('已隱藏 16 則：推薦新聞 16 則 · 另有 2 個無法計數的區塊');
    // Shown (the user revealed the feed on this page): nothing is said to be hidden.
    expect(mount(<StatusLine status={{ ...only, active: false, pageRevealed: true }} t={en} onRevealToggle={noop} onSiteToggle={noop} />).querySelector('.status-text')?.textContent).toBe('Cleanup is off on this page');
  });
  it('says when cleanup is off, with the page switch unchecked', () => {
    const el = mount(<StatusLine status={status({ active: false, pageRevealed: true })} t={en} onRevealToggle={noop} onSiteToggle={noop} />);
    expect(el.querySelector('.status-text')?.textContent).toBe('Cleanup is off on this page');
    expect((el.querySelector('input[name="page-feed"]') as HTMLInputElement).checked).toBe(false);
  });
  it('offers "Clean up this page" where no cleanup runs but a feed was found', () => {
    const onCleanUp = vi.fn();
    const el = mount(<StatusLine status={null} t={en} onRevealToggle={noop} onSiteToggle={noop} onCleanUp={onCleanUp} onAlways={noop} />);
    act(() => (el.querySelector('button.primary') as HTMLButtonElement).click());
    expect(onCleanUp).toHaveBeenCalled();
    expect(el.textContent).toContain('Always clean up this site');
  });
});

describe('copy output', () => {
  const analysis: ArticleAnalysis = {
    url: 'https://tw.news.yahoo.com/a-123456789.html',
    page: { isArticle: true, yahooStyle: true, profile: 'yahoo-modern', reasons: [] },
    feed: { blocks: [] },
    article: { title: 'Qwen *panic*', byline: null, siteName: null, published: null, lang: 'en', text: '', paragraphs: [] },
    keyPoints: [kp('Alibaba [released] Qwen.', 0), kp('Developers switched.', 2)],
    entities: [ent('Alibaba', 'organization', 3, 0), ent('Airbnb', 'organization', 1, 9), ent('Brian Chesky', 'person', 2, 4)],
  };
  it('Markdown escapes page text and lists entities by type', () => {
    expect(formatAnalysis(analysis, 'markdown')).toBe(
      ['## Qwen \\*panic\\*', '<https://tw.news.yahoo.com/a-123456789.html>', '', '1. Alibaba \\[released\\] Qwen.', '2. Developers switched.', '', '**Organizations:** Alibaba, Airbnb', '**People:** Brian Chesky'].join('\n'),
    );
  });
  it('plain text keeps the text as it is', () => {
    expect(formatAnalysis(analysis, 'text').split('\n')).toEqual([
      'Qwen *panic*',
      'https://tw.news.yahoo.com/a-123456789.html',
      '',
      '1. Alibaba [released] Qwen.',
      '2. Developers switched.',
      '',
      'Organizations: Alibaba, Airbnb',
      'People: Brian Chesky',
    ]);
  });
});
