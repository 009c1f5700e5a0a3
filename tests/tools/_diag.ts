import { parseHtml } from './dom';
import { analyzeDocument } from '../../utils/analysis';
import { detectFeed } from '../../utils/feed/detect';
import { Readability } from '@mozilla/readability';
import { loadBenchmark, shingleMatching, pageF1 } from './corpus';
const b = loadBenchmark();
for (const id of process.argv.slice(2)) {
  const p = b.pages.find((x) => x.id.startsWith(id))!;
  const doc = parseHtml(b.html(p.id), p.url);
  const a = analyzeDocument(doc, p.url, { force: true });
  console.log(p.id, p.url, 'article?', !!a.article, 'paras', a.article?.paragraphs.length, a.page);
  console.log('blocks', a.feed.blocks);
  const clone = doc.cloneNode(true) as Document;
  const d = detectFeed(clone, p.url, { force: true });
  for (const bl of d.blocks) console.log('BLOCK', bl.kind, bl.source, bl.score, JSON.stringify(bl.features), bl.el.tagName, bl.el.id, bl.el.className, (bl.el.textContent??'').replace(/\s+/g,' ').slice(0,200));
  console.log('root', d.article.root?.tagName, d.article.root?.className, 'container', d.article.container?.tagName, d.article.container?.className, 'byline', d.article.byline?.outerHTML.slice(0,200));
  const r = new Readability(doc.cloneNode(true) as Document).parse();
  console.log('readability len', r?.textContent?.length, 'ours len', a.article?.text.length);
  console.log('ours first', a.article?.paragraphs.slice(0,5));
}
