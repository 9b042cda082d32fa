import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  checkText,
  decodeGlossary,
  DocumentSession,
  Glossary,
  parseGlossary,
  pairInput,
  ReviewDocument,
  type Finding,
  type GlossaryFormat,
} from '../../server/src/core';
import { getRule } from '../../server/src/core/rules/registry';
import type { DocumentRule, PairRule } from '../../server/src/core/rule';
import { termIndexOf } from '../../server/src/core/rules/term-inconsistency';
import { extractTerms } from '../../server/src/core/terms/english';
import { FIXTURES, SEED } from '../support/paths';
import { generatePairs, toDocument } from '../support/term-corpus';

const DIR = path.join(FIXTURES, 'terms');
const seed = fs.readFileSync(SEED, 'utf8');
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');
const fmt = (f: string): GlossaryFormat => (f.endsWith('.tbx') ? 'tbx' : f.endsWith('.csv') ? 'csv' : 'tsv');
const glossaryFrom = (f: string) => new Glossary(parseGlossary(read(f), fmt(f), f).entries);
const of = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);
const where = (fs: Finding[]) => fs.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`);

describe('glossaries: parsing', () => {
  it('TSV, CSV and TBX with the same content give the same entries', () => {
    const norm = (f: string) => parseGlossary(read(f), fmt(f)).entries.map((e) => [e.en, e.zh, e.forbidden]);
    const tsv = norm('glossary.tsv');
    assert.deepEqual(tsv, [
      ['electric vehicle', ['电动汽车'], ['电动车']],
      ['cathode', ['正极'], ['阴极']],
      ['lithium iron phosphate', ['磷酸铁锂'], []],
    ]);
    assert.deepEqual(norm('glossary.csv'), tsv);
    assert.deepEqual(norm('glossary.tbx'), tsv);
    for (const f of ['glossary.tsv', 'glossary.csv', 'glossary.tbx']) assert.deepEqual(parseGlossary(read(f), fmt(f)).errors, [], f);
  });

  it('keeps notes and the line of each entry; the header row is optional', () => {
    const withHeader = parseGlossary(read('glossary.tsv'), 'tsv');
    assert.equal(withHeader.entries[0].note, 'House style: always the full form');
    assert.equal(withHeader.entries[1].origin?.line, 2);
    const bare = parseGlossary('cathode\t正极\nanode\t负极；阳极\n', 'tsv');
    assert.deepEqual(bare.entries.map((e) => [e.en, e.zh]), [
      ['cathode', ['正极']],
      ['anode', ['负极', '阳极']],
    ]);
    assert.deepEqual(parseGlossary('English,Chinese\ncathode,正极\n', 'csv').entries.map((e) => e.en), ['cathode']);
  });

  it('reports a missing column with its line and keeps the other rows', () => {
    const r = parseGlossary(read('missing-column.tsv'), 'tsv');
    assert.deepEqual(r.entries.map((e) => e.en), ['electric vehicle', 'solar farm']);
    assert.deepEqual(r.errors.map((e) => e.line), [2, 3]);
    assert.match(r.errors[0].message, /Missing the Chinese column for “cathode”/);
    assert.match(r.errors[1].message, /Missing the English term/);
  });

  it('reports malformed XML with its line and column, never throws', () => {
    const r = parseGlossary(read('malformed.tbx'), 'tbx');
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].line, 6);
    assert.match(r.errors[0].message, /Malformed TBX \(XML\): unexpected close tag/);
    for (const junk of ['', '<', '<tbx><termEntry>', '\u0000\u0001', 'a\tb\tc\n"\n,,,']) {
      for (const f of ['tsv', 'csv', 'tbx'] as const) assert.doesNotThrow(() => parseGlossary(junk, f));
    }
  });

  it('reports a broken CSV quote with its line', () => {
    const r = parseGlossary('cathode,正极\nanode,"负极\n', 'csv');
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /Malformed CSV/);
    assert.deepEqual(r.entries.map((e) => e.en), ['cathode']);
  });

  it('rejects bad encodings with the line of the first bad byte; reads UTF-8 with BOM and UTF-16', () => {
    const bad = Buffer.concat([Buffer.from('cathode\t正极\n'), Buffer.from([0x61, 0x6e, 0x6f, 0x64, 0x65, 0x09, 0xb8, 0xba, 0xbc, 0xab, 0x0a])]);
    const r = decodeGlossary(bad);
    assert.ok('error' in r);
    assert.equal(r.error.line, 1);
    assert.match(r.error.message, /not valid UTF-8/);
    const bom = decodeGlossary(Buffer.from('\ufeffcathode\t正极\n'));
    assert.ok('text' in bom && parseGlossary(bom.text, 'tsv').entries.length === 1);
    const utf16 = decodeGlossary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cathode\t正极\n', 'utf16le')]));
    assert.ok('text' in utf16 && parseGlossary(utf16.text, 'tsv').entries[0].zh[0] === '正极');
  });
});

describe('glossaries: matching', () => {
  const g = new Glossary(parseGlossary('electric vehicle\t电动汽车\t电动车\nbattery\t电池\ncathode\t正极\tq\n', 'tsv').entries);
  it('is whole-word, case- and plural-insensitive', () => {
    const m = (s: string) => g.matchEnglish(s).map((x) => x.text);
    assert.deepEqual(m('Electric Vehicles and an electric vehicle'), ['Electric Vehicles', 'electric vehicle']);
    assert.deepEqual(m('Batteries, battery, BATTERY'), ['Batteries', 'battery', 'BATTERY']);
    assert.deepEqual(m('cathodes'), ['cathodes']);
    assert.deepEqual(m('batteryless electric vehicular'), []);
  });
  it('matches an acronym by the initials of a term of several words', () => {
    assert.deepEqual(g.matchEnglish('hostility toward E.V.s and EVs').map((x) => x.entry.en), ['electric vehicle', 'electric vehicle']);
  });
});

describe('glossary-term', () => {
  const config = { order: 'auto' as const, rules: { 'unpaired-line': 'off' as const }, locale: 'en' as const, options: {} };

  it('flags the seed pairs whose Chinese uses 电动车 for “electric vehicles” or “E.V.s”, with a fix', () => {
    const glossary = new Glossary(parseGlossary('electric vehicle\t电动汽车\t电动车\n', 'tsv').entries);
    const found = of(checkText(seed, { config, env: { services: { glossary } } }).findings, 'glossary-term');
    assert.deepEqual(
      found.map((f) => f.range.start.line),
      [31, 107, 109],
    );
    for (const f of found) {
      assert.match(f.message, /“(electric vehicles|E\.V\.s)” is rendered 电动车, a variant the glossary forbids; use 电动汽车/);
      assert.equal(f.fixes?.[0].edits[0].newText, '电动汽车');
      assert.equal(seed.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character), '电动车');
    }
  });

  it('does not flag 电动车 for “electric cars” when “electric vehicles” has its rendering in the same pair', () => {
    const glossary = new Glossary(parseGlossary('electric vehicle\t电动汽车\t电动车\n', 'tsv').entries);
    const found = of(checkText(seed, { config, env: { services: { glossary } } }).findings, 'glossary-term');
    assert.ok(!found.some((f) => f.range.start.line === 22));
  });

  it('TSV, CSV and TBX glossaries give the same findings', () => {
    const text = read('batteries.en-zh.txt') + '\nSales of electric vehicles slowed.\n电动车销量放缓。\n';
    const results = ['glossary.tsv', 'glossary.csv', 'glossary.tbx'].map((f) => of(checkText(text, { config, env: { services: { glossary: glossaryFrom(f) } } }).findings, 'glossary-term'));
    assert.ok(results[0].length >= 2, JSON.stringify(results[0]));
    assert.deepEqual(results[1].map((f) => [f.range, f.message]), results[0].map((f) => [f.range, f.message]));
    assert.deepEqual(results[2].map((f) => [f.range, f.message]), results[0].map((f) => [f.range, f.message]));
    assert.ok(results[0].some((f) => /“cathodes” is rendered 阴极/.test(f.message)));
  });

  it('reports a missing rendering on the English term when no variant is there', () => {
    const glossary = new Glossary(parseGlossary('solar farm\t太阳能电站\n', 'tsv').entries);
    const found = of(checkText('The council approved two solar farms.\n议会批准了两座光伏农场。\n', { config, env: { services: { glossary } } }).findings, 'glossary-term');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 0);
    assert.match(found[0].message, /“solar farms” should be rendered 太阳能电站/);
  });

  it('reports nothing without a glossary', () => {
    assert.equal(of(checkText(seed, { config }).findings, 'glossary-term').length, 0);
  });

  it('inspect() shows the glossary entry and highlights the rendering', () => {
    const glossary = new Glossary(parseGlossary(read('glossary.tsv'), 'tsv').entries);
    const s = new DocumentSession('The cathode contains iron.\n正极含有铁。\n', { env: { services: { glossary } } });
    const { model } = s.check();
    const rule = getRule('glossary-term') as PairRule;
    const ctx = { locale: 'en' as const, config: s.getConfig(), env: s.env, t: (m: { en: string }, a?: Record<string, string | number>) => m.en.replace(/\{(\w+)\}/g, (_, k) => String(a?.[k])), option: <T>(_: string, f: T) => f };
    const ins = rule.inspect!(pairInput(model.pairs[0]), 'source', 5, ctx as never);
    assert.ok(ins);
    assert.match(ins.markdown, /cathode → 正极/);
    assert.match(ins.markdown, /Forbidden: 阴极/);
    assert.deepEqual(ins.spans, [{ side: 'target', start: 0, end: 2 }]);
  });
});

describe('term-inconsistency', () => {
  const config = { order: 'auto' as const, rules: { 'unpaired-line': 'off' as const }, locale: 'en' as const, options: {} };

  it('on the seed: exactly the cathodes/anodes renderings (正极/负极 at line 18, 阴极/阳极 at line 38)', () => {
    const found = of(checkText(seed, { config }).findings, 'term-inconsistency');
    const lines = seed.split('\n');
    assert.deepEqual(
      found.map((f) => [f.range.start.line, lines[f.range.start.line].slice(f.range.start.character, f.range.end.character), f.data?.term]),
      [
        [18, '负极', 'anodes'],
        [18, '正极', 'cathodes'],
        [38, '阴极', 'cathodes'],
        [38, '阳极', 'anodes'],
      ],
    );
    const cath = found.find((f) => f.range.start.line === 38 && f.data?.term === 'cathodes')!;
    assert.equal(cath.message, '“cathodes” is rendered 阴极 here but 正极 in line 19');
    assert.deepEqual(cath.related?.map((r) => r.range.start.line), [18]);
    assert.equal(cath.fixes?.[0].title, 'Use 正极 as in line 19');
    assert.deepEqual(cath.fixes?.[0].edits, [{ range: cath.range, newText: '正极' }]);
  });

  it('on the seed: the consistently rendered terms are found consistent', () => {
    const s = new DocumentSession(seed, { config });
    s.check();
    const idx = termIndexOf(s.ruleState('term-inconsistency'));
    const expect: [string, string][] = [
      ['hoover institution', '胡佛研究所'],
      ['national defense authorization act', '国防授权法'],
      ['lfp', '磷酸铁锂'],
      ['pentagon', '五角大楼'],
      ['white house', '白宫'],
    ];
    for (const [key, zh] of expect) {
      const r = idx.result(key);
      assert.ok(r, key);
      assert.equal(r.inconsistent, false, key);
      assert.equal(r.renderings[0]?.text, zh, key);
    }
    for (const key of ['international energy agency', 'ai', 'lithium iron phosphate']) assert.equal(idx.result(key)?.inconsistent ?? false, false, key);
  });

  it('extracts acronyms, names and nouns, case- and plural-insensitively', () => {
    const keys = (s: string) => extractTerms(s).map((t) => `${t.kind}:${t.key}`);
    assert.deepEqual(keys('The I.E.A. said LFP cells and E.V.s need graphite anodes.').filter((k) => !k.startsWith('noun:') || /anode|graphite/.test(k)), [
      'acronym:iea',
      'acronym:lfp',
      'acronym:ev',
      'noun:graphite',
      'noun:anode',
      'phrase:graphite anode',
    ].filter((k) => !/cell/.test(k)));
    assert.ok(keys('Cathodes matter.').includes('noun:cathode'));
    assert.ok(keys('He joined the National Defense Authorization Act debate.').includes('name:national defense authorization act'));
  });

  it('finds the minority rendering in a fixture, and none on consistent names', () => {
    const text = read('batteries.en-zh.txt');
    const found = of(checkText(text, { config }).findings, 'term-inconsistency');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    assert.equal(found[0].range.start.line, 13);
    assert.equal(found[0].message, '“cathodes” is rendered 阴极 here but 正极 in line 2 (and 2 more pairs)');
    assert.deepEqual(found[0].related?.map((r) => r.range.start.line), [1, 4, 10]);
  });

  it('finds names spelled two ways (吉拉德/吉拉尔, 胡佛研究所/胡佛研究院), the surname included', () => {
    const text = read('names.en-zh.txt');
    const found = of(checkText(text, { config }).findings, 'term-inconsistency');
    const lines = text.split('\n');
    assert.deepEqual(
      found.map((f) => [f.range.start.line, lines[f.range.start.line].slice(f.range.start.character, f.range.end.character), f.data?.term]),
      [
        [7, '吉拉尔', 'Gillard'],
        [10, '胡佛研究院', 'Hoover Institution'],
      ],
    );
    assert.equal(found[0].message, '“Gillard” is rendered 吉拉尔 here but 吉拉德 in line 2 (and 2 more pairs)');
  });

  it('weak evidence (each rendering once) must sit where the term sits: no finding for coal 时代/年代 in the sample, only its cathodes 正极/阴极', () => {
    const text = fs.readFileSync(path.join(FIXTURES, '..', '..', 'samples', 'harbour-solar.en-zh.txt'), 'utf8');
    const lines = text.split('\n');
    const found = of(checkText(text, { config }).findings, 'term-inconsistency');
    assert.deepEqual(
      found.map((f) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)),
      ['阴极'],
    );
  });

  it('works the same on a Chinese-first (zh-en) document', () => {
    const blocks = read('batteries.en-zh.txt').trim().split('\n\n').map((b) => b.split('\n'));
    const text = blocks.map(([en, zh]) => `${zh}\n${en}\n`).join('\n');
    const s = new DocumentSession(text, { config });
    const r = s.check();
    assert.equal(r.model.order, 'zh-en');
    const found = of(r.findings, 'term-inconsistency');
    assert.equal(found.length, 1);
    assert.equal(s.doc.lineText(found[0].range.start.line).slice(found[0].range.start.character, found[0].range.end.character), '阴极');
    const glossary = new Glossary(parseGlossary(read('glossary.tsv'), 'tsv').entries);
    const g = of(checkText(text, { config, env: { services: { glossary } } }).findings, 'glossary-term');
    assert.deepEqual(where(g), ['12:7-9']);
  });

  it('precision: 240-pair documents with consistent terminology give no finding (five seeds)', () => {
    for (const s of [1, 2, 3, 4, 5]) {
      const text = toDocument(generatePairs(240, s));
      assert.equal(new ReviewDocument(text).model({ order: 'auto' }).pairs.length, 240);
      const found = of(checkText(text, { config }).findings, 'term-inconsistency');
      assert.deepEqual(found.map((f) => f.message), [], `seed ${s}`);
    }
  });

  it('recall: one variant injected into a 240-pair document is the one finding', () => {
    const lines = generatePairs(240, 7);
    const hits = lines.map((l, i) => (l.zh.includes('正极') ? i : -1)).filter((i) => i >= 0);
    assert.ok(hits.length >= 4);
    const victim = hits[2];
    lines[victim] = { ...lines[victim], zh: lines[victim].zh.replace('正极', '阴极') };
    const text = toDocument(lines);
    const found = of(checkText(text, { config }).findings, 'term-inconsistency');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    assert.equal(found[0].range.start.line, victim * 3 + 1);
    assert.match(found[0].message, /^“cathodes?” is rendered 阴极 here but 正极 in line \d+/);
  });

  it('is incremental: an edit re-indexes only the touched pair, and applying the fix clears the finding', () => {
    const s = new DocumentSession(seed, { config });
    s.check();
    const idx = termIndexOf(s.ruleState('term-inconsistency'));
    assert.equal(idx.lastDelta.added, 51);
    // type a character in an unrelated pair
    s.applyChanges([{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '!' }]);
    s.check();
    assert.deepEqual(idx.lastDelta, { added: 1, removed: 1 });
    // apply "Use 正极 as in line 19" and "Use 负极 …" on line 38
    let found = of(s.check().findings, 'term-inconsistency').filter((f) => f.range.start.line === 38);
    for (const f of found.sort((a, b) => b.range.start.character - a.range.start.character)) s.applyChanges(f.fixes![0].edits.map((e) => ({ range: e.range, text: e.newText })));
    found = of(s.check().findings, 'term-inconsistency');
    assert.deepEqual(found, []);
    assert.deepEqual(idx.lastDelta, { added: 1, removed: 1 });
    assert.equal(s.doc.lineText(38).includes('正极、负极'), true);
  });

  it('inspect() on a term lists its renderings and their lines', () => {
    const s = new DocumentSession(seed, { config });
    const { model } = s.check();
    const rule = getRule('term-inconsistency') as DocumentRule;
    const pair = model.pairOfLine[17]!;
    const ctx = { locale: 'en' as const, config: s.getConfig(), env: s.env, t: (m: { en: string }, a?: Record<string, string | number>) => m.en.replace(/\{(\w+)\}/g, (_, k) => String(a?.[k])), option: <T>(_: string, f: T) => f };
    const offset = s.doc.lineText(17).indexOf('cathodes') + 2;
    const ins = rule.inspect!({ doc: s.doc, model, state: s.ruleState('term-inconsistency'), pair: pairInput(pair) }, 'source', offset, ctx as never);
    assert.ok(ins);
    assert.match(ins.markdown, /\*\*cathodes\*\* — 2 pairs in this document; rendered: 正极 \(19\); 阴极 \(39\)/);
    assert.ok(ins.spans?.some((sp) => sp.side === 'target' && s.doc.lineText(18).slice(sp.start, sp.end) === '正极'));
  });

  it('defers to the glossary for a term it has', () => {
    const glossary = new Glossary(parseGlossary('cathode\t正极\t阴极\n', 'tsv').entries);
    const found = checkText(seed, { config, env: { services: { glossary } } }).findings;
    assert.deepEqual(of(found, 'term-inconsistency').map((f) => f.data?.term), ['anodes', 'anodes']);
    assert.deepEqual(where(of(found, 'glossary-term')), ['38:76-78']);
  });

  it('across the workspace: renderings of other files count, findings stay in this document', () => {
    const other = toDocument(generatePairs(60, 3));
    const otherPairs = new ReviewDocument(other).model({ order: 'auto' }).pairs.map((pair) => ({ pair, path: '/ws/other.en-zh.txt' }));
    const text = 'The cathodes arrived in March.\n阴极于三月运抵。\n';
    assert.equal(of(checkText(text, { config }).findings, 'term-inconsistency').length, 0);
    const found = of(checkText(text, { config, env: { services: { workspaceTerms: { externalPairs: () => otherPairs } } } }).findings, 'term-inconsistency');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 1);
    assert.match(found[0].message, /“cathodes” is rendered 阴极 here but 正极 in line \d+ \(other\.en-zh\.txt\)/);
    assert.ok(found[0].related!.every((r) => r.path === '/ws/other.en-zh.txt'));
  });
});

describe('Chinese word segmentation in chunks', () => {
  it('gives the same words as segmenting each seed line whole', () => {
    const { segmentWords } = require('../../server/src/core/terms/chinese') as typeof import('../../server/src/core/terms/chinese');
    const whole = new Intl.Segmenter('zh', { granularity: 'word' });
    const lines = fs.readFileSync(SEED, 'utf8').split(/\r?\n/).filter((l) => /[\u4e00-\u9fff]/.test(l));
    assert.ok(lines.length > 40);
    for (const line of lines) {
      const hanWords = (it: Iterable<{ segment: string; index: number; isWordLike?: boolean }>) =>
        [...it].filter((s) => s.isWordLike && /^[\u3400-\u9fff]+$/.test(s.segment)).map((s) => `${s.index}:${s.segment}`);
      assert.deepEqual(hanWords(segmentWords(line)), hanWords(whole.segment(line)), line);
    }
  });
  it('keeps offsets right on a long line and never splits a surrogate pair', () => {
    const { segmentWords } = require('../../server/src/core/terms/chinese') as typeof import('../../server/src/core/terms/chinese');
    const line = '锂电池𠀀'.repeat(300) + '，正极材料';
    for (const s of segmentWords(line)) {
      assert.equal(line.slice(s.index, s.index + s.segment.length), s.segment);
      assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(s.segment), `split surrogate at ${s.index}`);
    }
  });
});
