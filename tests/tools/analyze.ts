// `npm run analyze -- <page.html> [--url <original url>]`: the whole analysis of one page, as
// one JSON object on the last line.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHtml } from './dom';
import { analyzeDocument, loadEnglishTagger } from '../../utils/analysis';

// English articles need compromise, which the extension loads only when one does.
await loadEnglishTagger();

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--url');
const urlAt = args.indexOf('--url');
if (!file) {
  console.error('usage: npm run analyze -- <page.html> [--url <original url>]');
  process.exit(2);
}
const raw = readFileSync(file);
const html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
const url = urlAt >= 0 ? args[urlAt + 1]! : `file://${file}`;
const doc = parseHtml(html, url);
const a = analyzeDocument(doc, url);
const out = {
  url: a.url,
  page: { isArticle: a.page.isArticle, yahooStyle: a.page.yahooStyle, profile: a.page.profile },
  feed: a.feed,
  article: a.article,
  keyPoints: a.keyPoints.map((k) => ({ text: k.text, paragraph: k.paragraph })),
  entities: a.entities.map((e) => ({ text: e.text, type: e.type, count: e.count, aliases: e.aliases })),
};
console.log(JSON.stringify(out));
