import type { ArticleAnalysis } from './analysis';
import type { EntityType } from './entities';

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  date: 'Dates',
  quantity: 'Quantities',
};

/** Key points (and entities) as Markdown or plain text for the clipboard. */
export function formatAnalysis(a: ArticleAnalysis, format: 'markdown' | 'text', labels: Record<EntityType, string> = TYPE_LABEL): string {
  if (!a.article) return '';
  const md = format === 'markdown';
  const esc = (s: string) => (md ? s.replace(/([\\`*_[\]#<>|])/g, '\\$1') : s);
  const lines: string[] = [];
  lines.push(md ? `## ${esc(a.article.title)}` : a.article.title);
  lines.push(md ? `<${a.url}>` : a.url);
  lines.push('');
  a.keyPoints.forEach((p, i) => lines.push(`${i + 1}. ${esc(p.text)}`));
  const types = [...new Set(a.entities.map((e) => e.type))];
  if (types.length) lines.push('');
  for (const type of types) {
    const names = a.entities.filter((e) => e.type === type).map((e) => esc(e.text));
    lines.push(md ? `**${labels[type]}:** ${names.join(', ')}` : `${labels[type]}: ${names.join(', ')}`);
  }
  return lines.join('\n');
}
