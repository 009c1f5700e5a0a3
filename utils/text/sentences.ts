import type { Lang } from './lang';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Terminators that always end a CJK sentence (full-width forms included). */
const CJK_TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', '｡']);
/** Characters that close a quotation or bracket and belong to the sentence they follow. */
const CLOSERS = new Set(['」', '』', '）', ')', '"', '”', '’', "'", '】', '》', '〉', ']', '〕', '｣']);
/** Quote pairs whose content is kept together even across sentence terminators (CJK text). */
const CJK_QUOTE_PAIRS: Record<string, string> = { '「': '」', '『': '』', '“': '”', '（': '）', '(': ')', '《': '》' };
/** English quotes often run over many sentences of a speech; only brackets are kept whole there. */
const EN_QUOTE_PAIRS: Record<string, string> = { '(': ')', '「': '」', '『': '』' };
/** A quotation longer than this is probably a runaway/unbalanced quote, so it is split normally. */
const MAX_QUOTE_CHARS = 600;

/** English abbreviations (lower-cased, without the final dot) that do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'etc', 'inc', 'corp', 'co', 'ltd',
  'llc', 'plc', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'rep', 'sen', 'rev', 'hon', 'pres', 'supt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'u.s.a', 'e.u', 'approx', 'dept', 'est', 'fig', 'al', 'vol', 'ed',
  'ave', 'blvd', 'rd', 'ph.d', 'op', 'cf', 'mass', 'calif', 'fla', 'ariz', 'conn', 'penn', 'wash', 'ore',
]);
/** Abbreviations that are usually followed by a number or name and never end a sentence. */
const NEVER_FINAL = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'no', 'nos', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'hon', 'sen', 'rep', 'gov', 'e.g', 'i.e', 'vs', 'v', 'fig', 'vol']);

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Map each opening quote to the index of its matching closer (only balanced pairs on one line). */
function matchQuotes(line: string, pairs: Record<string, string>): Map<number, number> {
  const result = new Map<number, number>();
  const stack: Array<{ ch: string; at: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch in pairs && !(ch === '“' && stack.some((s) => s.ch === '“'))) {
      stack.push({ ch, at: i });
      continue;
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      const open = stack[k];
      if (open && pairs[open.ch] === ch) {
        result.set(open.at, i);
        stack.length = k;
        break;
      }
    }
  }
  return result;
}

/** The word immediately before a '.' at `dot` (letters and inner dots, e.g. "U.S"). */
function wordBefore(line: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(line[i] as string)) i--;
  return line.slice(i + 1, dot);
}

/** Whether an ASCII '.', '!' or '?' at `i` (followed by whitespace at `next`) ends an English sentence. */
function asciiBoundary(line: string, i: number, next: number): boolean {
  const ch = line[i];
  const after = line.slice(next).trimStart();
  if (after === '') return true;
  const first = after[0] as string;
  if (ch === '!' || ch === '?') return !/^[a-z]/.test(after);
  // Ellipsis: only a boundary when a new capitalised sentence follows.
  if (line[i - 1] === '.' && line[i - 2] === '.') return /[A-Z"“‘]/.test(first);
  const word = wordBefore(line, i);
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (/^[A-Z]$/.test(word)) return false; // an initial ("J. Smith")
  if (ABBREVIATIONS.has(lower) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word)) {
    // "U.S. officials" continues; "... in the U.S. The next" is ambiguous, keep together unless a clear sentence starter follows.
    return /^(The|A|An|He|She|It|They|We|I|But|And|In|On|This|That|There|His|Her)\b/.test(after);
  }
  return /[A-Z0-9"“‘'(\[\p{Lu}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}「『]/u.test(first);
}

function pushSpan(out: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (e <= s) return;
  const piece = text.slice(s, e);
  // A unit made of punctuation only ("——", "…") carries no content.
  if (!/[\p{L}\p{N}]/u.test(piece)) {
    const prev = out[out.length - 1];
    if (prev && prev.end <= s && /^[ \t]*$/.test(text.slice(prev.end, s))) {
      prev.end = e;
      prev.text = text.slice(prev.start, e);
    }
    return;
  }
  out.push({ text: piece, start: s, end: e });
}

function splitLine(text: string, lineStart: number, lineEnd: number, out: SentenceSpan[], pairs: Record<string, string>): void {
  const line = text.slice(lineStart, lineEnd);
  const quotes = matchQuotes(line, pairs);
  let segStart = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    const close = quotes.get(i);
    if (close !== undefined && close - i <= MAX_QUOTE_CHARS) {
      // Keep a balanced quotation whole; a terminator right after the closer is handled below.
      i = close + 1;
      // 「我很好。」她說 — a quotation that itself ends with a terminator ends the sentence.
      if (CJK_TERMINATORS.has(line[close - 1] as string) && i < line.length && !CJK_TERMINATORS.has(line[i] as string) && !/[，,、：:\p{Script=Hiragana}]/u.test(line[i] as string)) {
        // (Japanese 「…。」と述べた continues with a particle, so hiragana after the closer keeps it together.)
        while (i < line.length && CLOSERS.has(line[i] as string)) i++;
        pushSpan(out, text, lineStart + segStart, lineStart + i);
        segStart = i;
      }
      continue;
    }
    let boundary = false;
    let j = i + 1;
    if (CJK_TERMINATORS.has(ch) || ch === '…') {
      while (j < line.length && (CJK_TERMINATORS.has(line[j] as string) || line[j] === '…' || line[j] === '.')) j++;
      if (ch === '…' || ch === '!' || ch === '?') {
        // In English text "..." or "!" mid-sentence is common; require a capital or CJK after it.
        const rest = line.slice(j).replace(/^[\s」』）)"”’'】》]+/, '');
        boundary = rest === '' || !/^[a-z,;:]/.test(rest);
      } else boundary = true;
      while (j < line.length && CLOSERS.has(line[j] as string)) j++;
    } else if (ch === '.') {
      while (j < line.length && line[j] === '.') j++;
      let k = j;
      while (k < line.length && CLOSERS.has(line[k] as string)) k++;
      if (k >= line.length || isSpace(line[k])) {
        boundary = asciiBoundary(line, j - 1, k);
        j = k;
      } else if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(line[k] as string)) {
        boundary = true;
        j = k;
      }
    }
    if (boundary) {
      pushSpan(out, text, lineStart + segStart, lineStart + j);
      segStart = j;
    }
    i = j;
  }
  pushSpan(out, text, lineStart + segStart, lineEnd);
}

/**
 * Split text into sentence units with offsets into `text`. Newlines always separate units
 * (headings and list items stand alone); balanced quotations stay whole.
 */
export function splitSentences(text: string, lang: Lang): SentenceSpan[] {
  // One scanner serves all languages (CJK and English punctuation rules do not conflict); only quote grouping differs.
  const pairs = lang === 'en' || lang === 'other' ? EN_QUOTE_PAIRS : CJK_QUOTE_PAIRS;
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      if (i > lineStart) splitLine(text, lineStart, i, out, pairs);
      lineStart = i + 1;
    }
  }
  return out;
}
