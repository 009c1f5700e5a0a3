import type { Candidate } from './types';
import { EN_MONTHS } from '../text/months';

/** Priority of numeric spans: they are pattern-exact, so they beat guessed names. */
const NUMERIC_PRIORITY = 6;

const CJK_NUM = '[0-9０-９一二三四五六七八九十百千萬万億亿兩两零〇]';
const DIGITS = '[0-9０-９][0-9０-９,，.．]*';
const CJK_DATE_PATTERNS: RegExp[] = [
  // 2025年11月15日, 2025年, 11月15日, 11月, 15日 (with a digit year/month so that 今年/上個月 stay out)
  new RegExp(`(?:西元|公元|民國|民国|令和|平成|昭和)?(?:${DIGITS}|[一二三四五六七八九〇零]{2,4})年(?:代|度)?(?:${CJK_NUM}{1,2}月(?:${CJK_NUM}{1,3}[日號号])?)?(?:[上中下]旬|初|底|末)?`, 'g'),
  new RegExp(`${CJK_NUM}{1,2}月${CJK_NUM}{1,3}[日號号](?:[（(][月火水木金土日一二三四五六][）)])?`, 'g'),
  new RegExp(`(?<![0-9０-９])[0-9０-９]{1,2}月(?:[上中下]旬|初|底)?`, 'g'),
  // 今（24）日 / 昨（23日） / 前（22）日 — Taiwanese news dating
  /[今昨前明][（(][0-9０-９]{1,2}日?[）)]日?/g,
  // Clock times. Digits alone suffice ("10點15分", "9時"); a written numeral needs a time of day
  // or minutes beside it, else 一時 ("for a while") or 三點 ("three points") would be dates.
  /(?:上午|下午|中午|晚上|晚間|凌晨|清晨|早上|傍晚|午前|午後)?[0-9０-９]{1,2}(?:點|点|時|时)(?:半|[0-9０-９]{1,2}分)?/g,
  /(?:上午|下午|中午|晚上|晚間|凌晨|清晨|早上|傍晚|午前|午後)[一二三四五六七八九十]{1,3}(?:點|点|時|时)(?:半|[0-9０-９一二三四五六七八九十]{1,3}分)?/g,
  /[一二三四五六七八九十]{1,3}(?:點|点|時|时)(?:半|[0-9０-９一二三四五六七八九十]{1,3}分)/g,
  /(?:星期|週|周|禮拜)[一二三四五六日天]/g,
  /[0-9０-９]{1,2}[日号號](?=[，,、。\s的起至到前後后（(])/g,
  /[月火水木金土日]曜日?/g,
];
const CJK_UNITS =
  '(?:美元|美金|港元|港幣|港币|日圓|日元|日圆|円|歐元|欧元|英鎊|英镑|人民幣|人民币|韓元|韩元|新台幣|新台币|台幣|台币|元|塊|块|次|人次|人|名|位|個|个|家|間|间|台|輛|辆|架|艘|件|支|張|张|本|部|所|座|棟|栋|戶|户|億次|点|點|公里|平方公里|平方千米|平方米|平方英里|平方英哩|公尺|公分|釐米|厘米|毫米|千米|米|英里|英哩|公頃|公顷|公斤|千克|克|噸|吨|公升|升|毫升|度|倍|歲|岁|年|個月|个月|週|天|小時|小时|分鐘|分钟|秒|萬|万|億|亿|兆|桶|股|票|席|場|场|顆|颗|隻|只|頭|头|條|条|項|项|種|种|枚|型|代|屆|届|篇|集|季|章|分|GB|TB|MB|km|kg|cm|mm|m)';
const CJK_QUANTITY_PATTERNS: RegExp[] = [
  // 新台幣3億元, 3.85億次, 50美元, 26,596.03點, 1.5%, 三萬人
  new RegExp(`(?:新台幣|新台币|人民幣|人民币|美金|港幣|港币|台幣|台币|日幣|日币|約|约|逾|近|超過|超过|多達|多达)?(?:${DIGITS}|${CJK_NUM}+)(?:多|餘|余)?(?:萬|万|億|亿|兆|千|百)?(?:多|餘|余)?${CJK_UNITS}(?:以上|左右)?`, 'g'),
  /[0-9０-９][0-9０-９,.．]*\s?[%％]/g,
  /百分之[0-9０-９一二三四五六七八九十百點点.]+/g,
  /(?:約|约)?[0-9０-９][0-9０-９,.．]*(?:萬|万|億|亿|兆)(?![0-9０-９])/g,
];

/** Words that look numeric but are ordinals or vague amounts, not quantities. */
const NOT_QUANTITY = /^(一個|一个|一家|一些|一種|一种|一名|一位|一人|一次|一天|一年|一本|一部|一所|一座|一間|一间|一項|一项|一件|一支|一張|一张|一條|一条|一場|一场|一代|一分|一點|一点|一度|一樣|一样|兩個|两个|一本|第.*|一分鐘|一分钟|千萬|千万|萬一|万一|百萬|百万)$/;

export function cjkNumericCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of CJK_DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = m.index ?? 0;
      // A bare "年" after a number that is actually a duration ("3年內") is still a date-like period; keep it but skip "1年級".
      if (text[s + m[0].length] === '級' || text[s + m[0].length] === '级') continue;
      out.push({ start: s, end: s + m[0].length, type: 'date', priority: NUMERIC_PRIORITY + (/年|月/.test(m[0]) ? 1 : 0) });
    }
  }
  for (const re of CJK_QUANTITY_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = m.index ?? 0;
      if (NOT_QUANTITY.test(m[0])) continue;
      if (/^[一二三四五六七八九十兩两]$/.test(m[0].slice(0, -1)) && m[0].length <= 2) continue; // "一人" style
      out.push({ start: s, end: s + m[0].length, type: 'quantity', priority: NUMERIC_PRIORITY });
    }
  }
  return out;
}

const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const EN_DATE_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${EN_MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${EN_MONTHS})(?:,?\\s+\\d{4})?\\b`, 'g'),
  new RegExp(`\\b(?:${EN_MONTHS.replace(/\|May\|/, '|')})\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b(?:January|February|March|April|June|July|August|September|October|November|December)\\b`, 'g'),
  new RegExp(`\\b(?:${WEEKDAYS})\\b`, 'g'),
  /\b(?:1[5-9]|20)\d{2}s?\b/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)\b/gi,
];
const EN_QUANTITY_PATTERNS: RegExp[] = [
  /(?:US|HK|NT|A|C)?[$€£¥]\s?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?/g,
  /\b\d+(?:,\d{3})*(?:\.\d+)?\s?(?:%|percent\b|per cent\b)/g,
  /\b\d+(?:,\d{3})*(?:\.\d+)?\s(?:million|billion|trillion|thousand|hundred)\b(?:\s(?:dollars|euros|pounds|yuan|yen|people|users|times))?/g,
  /\b\d+(?:,\d{3})*(?:\.\d+)?\s?(?:dollars|euros|pounds|yuan|yen|miles|mi|kilometers|kilometres|km|meters|metres|feet|ft|inches|pounds|lbs|kg|kilograms|grams|tons|tonnes|mph|degrees|people|points|years|months|weeks|days|hours|minutes|seconds)\b/g,
];

export function enNumericCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of EN_DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = m.index ?? 0;
      out.push({ start: s, end: s + m[0].length, type: 'date', priority: NUMERIC_PRIORITY });
    }
  }
  return [...out, ...enQuantityCandidates(text)];
}

/** The English quantity patterns alone (Chinese text uses these but has its own dates). */
export function enQuantityCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of EN_QUANTITY_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const s = m.index ?? 0;
      out.push({ start: s, end: s + m[0].trimEnd().length, type: 'quantity', priority: NUMERIC_PRIORITY });
    }
  }
  return out;
}
