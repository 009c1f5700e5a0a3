import { parseHtml } from './dom';
import { detectFeed } from '../../utils/feed/detect';
import { Readability } from '@mozilla/readability';
import { loadBenchmark } from './corpus';
const b = loadBenchmark();
const AD_SLOTS = '[id^="sda-"], .bg-toast-background, [class^="bg-card-"]:has(> [id^="sda-"]), ins.adsbygoogle, [id^="google_ads"], [data-ad-slot]';
const SPACER = /^(廣告|广告|広告|advertisement|ad|sponsored|贊助|スポンサーリンク|pr)$/i;
for (const id of process.argv.slice(2)) {
  const p = b.pages.find((x) => x.id.startsWith(id))!;
  const doc = parseHtml(b.html(p.id), p.url);
  const steps = ['none', 'feed', 'nav', 'byline', 'ads', 'spacer'];
  for (let k = 0; k < steps.length; k++) {
    for (const th of [500, 100]) {
      const clone = doc.cloneNode(true) as Document;
      const d = detectFeed(clone, p.url, { force: true });
      const on = (s: string) => steps.indexOf(s) <= k && s !== 'none';
      if (on('feed')) for (const bl of d.blocks) bl.el.remove();
      if (on('nav')) for (const el of Array.from((d.article.container ?? clone).querySelectorAll('nav, [aria-label="breadcrumb"]'))) el.remove();
      if (on('byline')) { const bl = d.article.byline?.parentElement; if (bl && (bl.textContent ?? '').length < 160 && !bl.querySelector('p')) { console.log('   byline line removed:', bl.tagName, bl.className, (bl.textContent??'').replace(/\s+/g,' ').slice(0,100)); bl.remove(); } }
      if (on('ads')) for (const el of Array.from(clone.querySelectorAll(AD_SLOTS))) { console.log('   ad removed', el.tagName, el.id, el.className, (el.textContent??'').length); el.remove(); }
      if (on('spacer')) for (const el of Array.from(clone.querySelectorAll('p, div'))) if (!el.children.length && SPACER.test((el.textContent ?? '').trim())) el.remove();
      const r = new Readability(clone, { charThreshold: th }).parse();
      console.log(id, steps[k], th, r?.textContent?.length, (r?.textContent ?? '').replace(/\s+/g,' ').slice(0, 80));
    }
  }
}
