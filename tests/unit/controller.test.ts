import { describe, expect, it } from 'vitest';
import { CleanupController } from '../../utils/cleanup/controller';
import { ATTR } from '../../utils/cleanup/style';
import { loadFixture } from './fixtures';

describe('cleanup controller', () => {
  it('marks the feed at once and counts its items when asked before idle time', () => {
    const { doc } = loadFixture('tw-modern-seed.html');
    const reports: number[] = [];
    const c = new CleanupController(doc, { force: false, onStatus: (s) => reports.push(s.hiddenItems) });
    c.start();
    // The page had loaded: the quick pass ran and marked the blocks, with no count reported yet.
    const marked = Array.from(doc.querySelectorAll(`[${ATTR.kind}]`));
    expect(marked.map((el) => el.getAttribute(ATTR.kind))).toEqual(['recommended', 'trending', 'sponsored']);
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(true);
    expect(reports).toEqual([]);
    // The popup asks before idle time came: the full detection runs then and there.
    const s = c.status();
    expect(s.hiddenItems).toBe(20 + 8 + 4);
    expect(s.blocks.find((b) => b.heading === '其他人也在看')?.items).toBe(20);
    // A page script that drops our attribute after load does not switch cleanup off for good.
    doc.documentElement.removeAttribute(ATTR.on);
    c.fullPass();
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(true);
    c.stop();
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(false);
  });

  it('leaves a home page alone at load and classifies it at idle time', async () => {
    const { doc } = loadFixture('tw-home.html');
    const c = new CleanupController(doc, { force: false });
    c.start();
    expect(doc.documentElement.hasAttribute(ATTR.on)).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(c.status().isArticle).toBe(false);
    expect(doc.querySelectorAll(`[${ATTR.kind}]`).length).toBe(0);
    c.stop();
  });
});
