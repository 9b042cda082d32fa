// A generator of interleaved documents with known terminology, for precision
// and recall tests of term-inconsistency: every term is rendered the same way
// throughout, unless a variant is injected on purpose.

export interface CorpusTerm {
  en: string;
  plural: string;
  zh: string;
}

export const TERMS: CorpusTerm[] = [
  { en: 'cathode', plural: 'cathodes', zh: '正极' },
  { en: 'anode', plural: 'anodes', zh: '负极' },
  { en: 'electrolyte', plural: 'electrolytes', zh: '电解液' },
  { en: 'separator', plural: 'separators', zh: '隔膜' },
  { en: 'battery cell', plural: 'battery cells', zh: '电芯' },
  { en: 'battery pack', plural: 'battery packs', zh: '电池包' },
  { en: 'inverter', plural: 'inverters', zh: '逆变器' },
  { en: 'transformer', plural: 'transformers', zh: '变压器' },
  { en: 'substation', plural: 'substations', zh: '变电站' },
  { en: 'wind turbine', plural: 'wind turbines', zh: '风力涡轮机' },
  { en: 'solar panel', plural: 'solar panels', zh: '太阳能电池板' },
  { en: 'heat pump', plural: 'heat pumps', zh: '热泵' },
  { en: 'power grid', plural: 'power grids', zh: '电网' },
  { en: 'charging station', plural: 'charging stations', zh: '充电站' },
  { en: 'electric vehicle', plural: 'electric vehicles', zh: '电动汽车' },
  { en: 'graphite', plural: 'graphite', zh: '石墨' },
  { en: 'lithium carbonate', plural: 'lithium carbonate', zh: '碳酸锂' },
  { en: 'polysilicon', plural: 'polysilicon', zh: '多晶硅' },
  { en: 'semiconductor', plural: 'semiconductors', zh: '半导体' },
  { en: 'data center', plural: 'data centers', zh: '数据中心' },
  { en: 'LFP', plural: 'LFP', zh: '磷酸铁锂' },
  { en: 'Hoover Institution', plural: 'Hoover Institution', zh: '胡佛研究所' },
  { en: 'International Energy Agency', plural: 'International Energy Agency', zh: '国际能源署' },
  { en: 'European Commission', plural: 'European Commission', zh: '欧盟委员会' },
  { en: 'Ministry of Industry', plural: 'Ministry of Industry', zh: '工业部' },
];

interface Template {
  en: string;
  zh: string;
}

// {a} and {b} are terms (plural form in English where the sentence needs it: {A}, {B}).
const TEMPLATES: Template[] = [
  { en: 'Prices of {A} fell sharply this quarter.', zh: '本季度{a}价格大幅下跌。' },
  { en: 'The factory will double its output of {A} next year.', zh: '该工厂明年将把{a}产量翻一番。' },
  { en: 'Engineers tested the {a} alongside new {B}.', zh: '工程师将{a}与新型{b}一并进行了测试。' },
  { en: 'Demand for {A} keeps rising in coastal provinces.', zh: '沿海省份对{a}的需求持续上升。' },
  { en: 'A shortage of {A} delayed the project by six months.', zh: '{a}短缺使该项目推迟了六个月。' },
  { en: 'Regulators published new safety rules for {A}.', zh: '监管机构发布了针对{a}的新安全规定。' },
  { en: 'Researchers compared {A} with {B} in a long study.', zh: '研究人员在一项长期研究中比较了{a}与{b}。' },
  { en: 'Most {A} sold in the region are imported.', zh: '该地区销售的{a}大多依赖进口。' },
  { en: 'The company recycles old {A} at two plants.', zh: '该公司在两家工厂回收旧{a}。' },
  { en: 'Exports of {A} rose by a third last year.', zh: '去年{a}出口增长了三分之一。' },
  { en: 'Analysts expect {A} to get cheaper as {B} improve.', zh: '分析人士预计，随着{b}的改进，{a}将变得更便宜。' },
  { en: 'Local officials visited a plant that makes {A}.', zh: '地方官员参观了一家生产{a}的工厂。' },
  { en: 'Investors poured money into {A} and {B}.', zh: '投资者向{a}和{b}投入了大量资金。' },
  { en: 'The report said {A} account for most of the cost.', zh: '报告称，{a}占据了大部分成本。' },
  { en: 'Supply of {A} remains tight, traders said.', zh: '交易商表示，{a}供应依然紧张。' },
  { en: 'New tariffs on {A} take effect in June.', zh: '针对{a}的新关税将于六月生效。' },
  { en: 'A fire at a warehouse destroyed stocks of {A}.', zh: '一座仓库发生火灾，烧毁了库存的{a}。' },
  { en: 'Quality problems with {A} led to a recall.', zh: '{a}的质量问题导致了召回。' },
  { en: 'Startups are designing cheaper {A} for farms.', zh: '初创企业正在为农场设计更便宜的{a}。' },
  { en: 'Banks lent heavily to makers of {A}.', zh: '银行向{a}制造商大量放贷。' },
];

const NAME_TEMPLATES: Template[] = [
  { en: 'A report by the {a} examined {B}.', zh: '{a}的一份报告研究了{b}。' },
  { en: 'According to the {a}, demand for {B} will double.', zh: '据{a}称，{b}的需求将翻一番。' },
  { en: 'The {a} warned about reliance on imported {B}.', zh: '{a}警告称，对进口{b}的依赖存在风险。' },
];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isName = (t: CorpusTerm) => /^[A-Z]/.test(t.en);

export interface CorpusLine {
  en: string;
  zh: string;
  terms: string[];
}

/** `pairs` interleaved pairs (blank line between pairs), every term rendered consistently. */
export function generatePairs(pairs: number, seed = 1): CorpusLine[] {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const common = TERMS.filter((t) => !isName(t));
  const names = TERMS.filter(isName);
  const out: CorpusLine[] = [];
  for (let i = 0; i < pairs; i++) {
    const useName = rand() < 0.2;
    const tpl = useName ? pick(NAME_TEMPLATES) : pick(TEMPLATES);
    const a = useName ? pick(names) : pick(common);
    let b = pick(common);
    while (b === a) b = pick(common);
    const en = tpl.en.replace('{A}', a.plural).replace('{a}', a.en).replace('{B}', b.plural).replace('{b}', b.en);
    const zh = tpl.zh.replace('{a}', a.zh).replace('{b}', b.zh);
    const cap = en[0].toUpperCase() + en.slice(1);
    out.push({ en: cap, zh, terms: tpl.en.includes('{B}') || tpl.en.includes('{b}') ? [a.en, b.en] : [a.en] });
  }
  return out;
}

export function toDocument(lines: CorpusLine[]): string {
  return lines.map((l) => `${l.en}\n${l.zh}\n`).join('\n');
}
