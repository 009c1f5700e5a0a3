import { parseHtml } from './dom';
import { Readability } from '@mozilla/readability';
import { loadBenchmark } from './corpus';
const b = loadBenchmark();
const TEXT_BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, td';
for (const id of process.argv.slice(2)) {
  const p = b.pages.find((x) => x.id.startsWith(id))!;
  const doc = parseHtml(b.html(p.id), p.url);
  const r = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse()!;
  const c = new DOMParser().parseFromString(r.content!, 'text/html');
  const w = c.createTreeWalker(c.body, 4);
  let lostOutside = 0, lostNested = 0; const samples: string[] = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const t = (n.nodeValue ?? '').trim(); if (!t) continue;
    const blk = n.parentElement!.closest(TEXT_BLOCKS);
    if (!blk) { lostOutside += t.length; if (samples.length < 6) samples.push('OUTSIDE <' + n.parentElement!.tagName + '> ' + t.slice(0, 80)); continue; }
    if (blk.querySelector(TEXT_BLOCKS)) { lostNested += t.length; if (samples.length < 12) samples.push('NESTED in <' + blk.tagName + '> ' + t.slice(0, 80)); }
  }
  console.log(id, 'lost outside blocks', lostOutside, 'lost in outer of nested blocks', lostNested);
  for (const s of samples) console.log('  ', s);
}
