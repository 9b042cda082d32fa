// Deterministic generator of interleaved English–Chinese news text for the
// benchmark. Every sentence is built from templates written for this project:
// numbers, money, percentages, dates, distances and power ratings rendered in
// both languages, recurring terms, names, and a realistic share of problems a
// reviewer must catch (a changed number, a wrong date, a missing translation, a
// half-width comma or parenthesis, a lost closing quotation mark, an inconsistent
// term, an untranslated caption, a source line pasted as its own translation).
//
//   generate(pairs, seed) → { text, pairs: [{ en, zh }], problems }
//   toPo(pairs)           → a PO file of the same pairs (msgid = English, msgstr = Chinese)

/** Small, fast, deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Recurring terms: English, the house rendering, and a variant a second translator might use.
const TERMS = [
  ['the harbour authority', '港务局', '港口局'],
  ['the grid operator', '电网运营商', '电网公司'],
  ['battery storage', '电池储能', '蓄电设施'],
  ['the city council', '市议会', '市政会'],
  ['the water utility', '自来水公司', '供水企业'],
  ['the rail link', '铁路连接线', '轨道线路'],
  ['the wind farm', '风电场', '风力场'],
  ['the ferry service', '渡轮服务', '轮渡业务'],
  ['the housing trust', '住房信托基金', '住房信托'],
  ['the freight terminal', '货运码头', '货物转运站'],
  ['the desalination plant', '海水淡化厂', '淡化水厂'],
  ['the transit agency', '公交管理局', '公共交通局'],
];

const PEOPLE = [
  ['Mara Okafor', '玛拉·奥卡福'],
  ['Tomas Lindqvist', '托马斯·林奎斯特'],
  ['Priya Raman', '普丽娅·拉曼'],
  ['Chen Jialin', '陈佳琳'],
  ['Henrik Vos', '亨里克·沃斯'],
  ['Lucia Ferreira', '露西娅·费雷拉'],
  ['Owen Achterberg', '欧文·阿赫特贝格'],
  ['Sofia Nakamura', '索菲娅·中村'],
];

const ROLES = [
  ['an engineer who advises the port', '一位为港口提供咨询的工程师'],
  ['the deputy mayor', '副市长'],
  ['an economist at Kestrel Analytics', 'Kestrel Analytics的经济学家'],
  ['a spokeswoman for the operator', '运营方的一位女发言人'],
  ['the project director', '项目总监'],
  ['a union organiser', '一名工会组织者'],
];

const PLACES = [
  ['Saltmarsh Bay', '索尔特马什湾'],
  ['Northbridge', '北桥'],
  ['the Elm Valley', '榆树谷'],
  ['Port Carrow', '卡罗港'],
  ['Westfield County', '韦斯特菲尔德县'],
  ['the Iron Coast', '铁海岸'],
];

const COMPANIES = ['Halden Energy', 'Brightwater Systems', 'Corvane Logistics', 'Meridian Cells', 'Tidewell Power', 'Arlo Freight'];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
function int(r, lo, hi) {
  return lo + Math.floor(r() * (hi - lo + 1));
}
function withCommas(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Slot generators. Each returns [english, chinese]. `bad` asks for a rendering
 * with a translation error (used for a small share of slots).
 */
const SLOTS = {
  money(r, bad) {
    if (r() < 0.5) {
      const tenths = int(r, 12, 95); // 1.2 – 9.5 billion
      const en = `$${(tenths / 10).toFixed(1).replace(/\.0$/, '')} billion`;
      const yi = bad ? tenths + 1 : tenths;
      return [en, `${yi}亿美元`];
    }
    const m = int(r, 2, 90) * 10; // 20 – 900 million
    const wan = bad ? m * 10 : m * 100;
    return [`$${m} million`, `${wan / 10000 >= 1 ? String(wan / 10000).replace(/\.0+$/, '') + '亿' : wan + '万'}美元`];
  },
  pct(r, bad) {
    const p = int(r, 3, 87);
    return [`${p} percent`, `${bad ? p + 10 : p}%`];
  },
  count(r, bad) {
    const n = int(r, 120, 48000);
    return [withCommas(n), String(bad ? n + int(r, 1, 9) * 100 : n)];
  },
  date(r, bad) {
    const m = int(r, 0, 11);
    const d = int(r, 1, 28);
    return [`${MONTHS[m]} ${d}`, `${bad ? ((m + 1) % 12) + 1 : m + 1}月${d}日`];
  },
  year(r, bad) {
    const y = int(r, 1998, 2031);
    return [`${y}`, `${bad ? y + 1 : y}年`];
  },
  distance(r, bad) {
    const mi = int(r, 3, 240);
    const km = Math.round(mi * 1.609);
    return [`${mi} miles (${km} kilometers)`, `${mi}英里（${bad ? Math.round(km * 1.3) : km}公里）`];
  },
  power(r, bad) {
    const mw = int(r, 5, 90) * 10;
    return [`${mw} megawatts`, `${bad ? mw * 10 : mw}兆瓦`];
  },
  weight(r, bad) {
    const t = int(r, 2, 400) * 50;
    return [`${withCommas(t)} tons`, `${bad ? t + 500 : t}吨`];
  },
  temp(r, bad) {
    const f = int(r, 80, 110);
    const c = Math.round(((f - 32) * 5) / 9);
    return [`${f} degrees Fahrenheit (${c} Celsius)`, `华氏${f}度（摄氏${bad ? c + 4 : c}度）`];
  },
};

// Sentence templates: {slot} placeholders filled with matching renderings.
// {T} a recurring term, {P} a person, {R} a role, {L} a place, {C} a company.
const TEMPLATES = [
  [
    '{T} said on {date} that it would spend {money} over the next decade to rebuild aging piers, dredge the channel and add {power} of shore power for docked ships.',
    '{T}于{date}表示，将在未来十年投入{money}，用于重建老化的码头、疏浚航道，并为停靠船舶增加{power}的岸电容量。',
  ],
  [
    'About {count} households in {L} lost power for several hours, and {T} blamed a transformer fault rather than the heat wave that pushed temperatures to {temp}.',
    '{L}约有{count}户家庭停电数小时，{T}将原因归咎于变压器故障，而非使气温升至{temp}的热浪。',
  ],
  [
    '"We cannot keep patching a system built for a smaller town," said {P}, {R}, adding that demand had risen {pct} since {year}.',
    '“我们不能一直修补一个为小城镇而建的系统，”{R}{P}说，并补充称自{year}以来需求增长了{pct}。',
  ],
  [
    '{C} won the contract after offering to deliver {weight} of steel by {date}, undercutting two rivals by roughly {pct}.',
    '{C}承诺在{date}前交付{weight}钢材，报价比两家竞争对手低约{pct}，从而赢得了这份合同。',
  ],
  [
    'The new line would run {distance} from {L} to the coast, cutting the commute for an estimated {count} daily riders.',
    '这条新线路将从{L}延伸{distance}至海岸，预计可为每天约{count}名乘客缩短通勤时间。',
  ],
  [
    'Officials at {T} expect the project to cost {money}, nearly double the estimate published in {year}.',
    '{T}的官员预计该项目将耗资{money}，几乎是{year}公布估算的两倍。',
  ],
  [
    'In a report released on {date}, {C} found that {pct} of the capacity run by {T} sat idle during the night.',
    '{C}在{date}发布的报告中发现，{T}运营的容量中有{pct}在夜间处于闲置状态。',
  ],
  [
    '{P}, {R}, said the agreement with {T} would protect about {count} jobs and bring in {money} of private investment.',
    '{R}{P}表示，与{T}达成的协议将保住约{count}个工作岗位，并带来{money}的私人投资。',
  ],
  [
    'Crews laid {distance} of cable across the seabed this spring, enough to carry {power} from the offshore turbines.',
    '今年春天，施工队在海床上铺设了{distance}的电缆，足以输送来自海上风机的{power}电力。',
  ],
  [
    'By {year}, {T} plans to recycle {weight} of used batteries a year at a plant near {L}.',
    '{T}计划到{year}在{L}附近的一座工厂每年回收{weight}废旧电池。',
  ],
  [
    'Residents packed the hall on {date} to question {T} about a fare increase of {pct} and the loss of {count} night-time services.',
    '居民们于{date}挤满会场，就票价上涨{pct}以及取消{count}班夜间服务向{T}提出质询。',
  ],
  [
    'The storm dropped rain for {count} minutes straight, and {T} said pumps moved {weight} of water an hour at the peak.',
    '暴雨持续了{count}分钟，{T}表示，高峰时水泵每小时排水{weight}。',
  ],
];

// Lines without a counterpart: captions and credits (left untranslated on purpose).
const CAPTIONS = [
  'A crane lifts a turbine blade at the quay in {L}.',
  'Workers inspect a battery rack inside a converted warehouse.',
  'Photograph by {P} for the Coastal Ledger.',
  'Commuters wait on the platform at dawn.',
];

function fill(r, template, bad, side, ctx) {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    if (name === 'T') return side === 'en' ? ctx.term[0] : ctx.badTerm ? ctx.term[2] : ctx.term[1];
    if (name === 'P') return side === 'en' ? ctx.person[0] : ctx.person[1];
    if (name === 'R') return side === 'en' ? ctx.role[0] : ctx.role[1];
    if (name === 'L') return side === 'en' ? ctx.place[0] : ctx.place[1];
    if (name === 'C') return ctx.company;
    let slot = ctx.slots.get(name);
    if (!slot) {
      slot = SLOTS[name](r, bad === name);
      ctx.slots.set(name, slot);
    }
    return side === 'en' ? slot[0] : slot[1];
  });
}

const PROBLEM_KINDS = ['number', 'number', 'date', 'term', 'comma', 'missing', 'caption', 'quote', 'copied'];

function sentencePair(r, problem) {
  const [enT, zhT] = pick(r, TEMPLATES);
  const slotsUsed = [...enT.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n in SLOTS);
  let bad;
  if (problem === 'number') bad = slotsUsed.length ? pick(r, slotsUsed) : undefined;
  if (problem === 'date') bad = slotsUsed.includes('date') ? 'date' : slotsUsed.includes('year') ? 'year' : pick(r, slotsUsed);
  const ctx = { term: pick(r, TERMS), person: pick(r, PEOPLE), role: pick(r, ROLES), place: pick(r, PLACES), company: pick(r, COMPANIES), slots: new Map(), badTerm: problem === 'term' };
  const filled = fill(r, enT, bad, 'en', ctx);
  const en = filled.charAt(0) === '"' ? filled : filled.charAt(0).toUpperCase() + filled.slice(1);
  let zh = fill(r, zhT, bad, 'zh', ctx);
  if (problem === 'comma') zh = zh.replace('，', ',');
  // an unbalanced quotation mark (the closing one lost), or else a half-width parenthesis
  if (problem === 'quote') zh = zh.includes('”') ? zh.replace('”', '') : zh.replace('（', '(');
  // the source pasted in place of its translation
  if (problem === 'copied') zh = en;
  return [en, zh];
}

/**
 * Builds `count` pairs (news-length: two sentences a line, about 500 bytes a
 * pair) and the interleaved document. About one pair in eight carries a problem.
 */
export function generate(count, seed = 20261124) {
  const r = rng(seed ^ count);
  const pairs = [];
  const out = [];
  const problems = {};
  for (let i = 0; i < count; i++) {
    const problem = r() < 0.13 ? pick(r, PROBLEM_KINDS) : undefined;
    const [en1, zh1] = sentencePair(r, problem);
    const [en2, zh2] = sentencePair(r, undefined);
    const en = `${en1} ${en2}`;
    const zh = `${zh1}${zh2}`;
    pairs.push({ en, zh });
    if (problem) problems[problem] = (problems[problem] ?? 0) + 1;
    out.push(en);
    if (problem !== 'missing') out.push(zh);
    if (problem === 'caption') out.push(fill(r, pick(r, CAPTIONS), undefined, 'en', { person: pick(r, PEOPLE), place: pick(r, PLACES), slots: new Map() }));
    if (r() < 0.3) out.push('');
    if (i % 40 === 39) out.push('* * *', '');
  }
  return { text: out.join('\n') + '\n', pairs, problems };
}

function poString(s) {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** The same pairs as a gettext PO file, for Translate Toolkit's pofilter. */
export function toPo(pairs) {
  const parts = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_CN\\n"\n'];
  for (let i = 0; i < pairs.length; i++) {
    parts.push(`#: article.txt:${i + 1}\nmsgid ${poString(pairs[i].en)}\nmsgstr ${poString(pairs[i].zh)}\n`);
  }
  return parts.join('\n');
}
