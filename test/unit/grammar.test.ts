// The TextMate grammar, tokenised with the same engine VS Code uses
// (vscode-textmate + Oniguruma), so the scopes asserted here are the ones
// themes colour in the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT } from '../support/paths';

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'text.bilingual'
        ? vsctm.parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes', 'bilingual.tmLanguage.json'), 'utf8'), 'bilingual.tmLanguage.json')
        : null,
  });
  const g = await registry.loadGrammar('text.bilingual');
  assert.ok(g);
  return g;
}

/** Scopes of the token that covers `needle` in `line`. */
function scopesAt(line: string, needle: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${line}`);
  const tok = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return tok.scopes;
}

describe('TextMate grammar', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  it('the manifest points at the grammar and its scope', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const g = pkg.contributes.grammars[0];
    assert.equal(g.language, 'bilingual');
    assert.equal(g.scopeName, 'text.bilingual');
    assert.ok(fs.existsSync(path.join(ROOT, g.path)));
  });

  it('marks Chinese lines apart from English lines', () => {
    assert.ok(scopesAt('电池正变得日益关键:大多数数据中心依赖电池。', '电池').includes('meta.line.chinese.bilingual'));
    assert.ok(scopesAt('Batteries are increasingly critical.', 'Batteries').includes('meta.line.english.bilingual'));
  });

  it('a Chinese line naming a Latin company is still Chinese; an English line quoting two characters is English', () => {
    assert.ok(scopesAt('数据中心工程公司Burns & McDonnell的高管坦言', 'Burns').includes('meta.line.chinese.bilingual'));
    assert.ok(scopesAt('The word 中文 means Chinese.', 'word').includes('meta.line.english.bilingual'));
  });

  it('marks numbers on both sides', () => {
    assert.ok(scopesAt('It also announced up to $500 million for recycling.', '500').includes('constant.numeric.english.bilingual'));
    assert.ok(scopesAt('U.S. forces rely on some 6,000 components.', '6,000').includes('constant.numeric.english.bilingual'));
    assert.ok(scopesAt('宣布将提供最高达5亿美元的资金支持。', '5亿').includes('constant.numeric.chinese.bilingual'));
    assert.ok(scopesAt('全球99%的磷酸铁锂电池电芯产自中国。', '99%').includes('constant.numeric.chinese.bilingual'));
  });

  it('marks dates in English lines and comment directives', () => {
    assert.ok(scopesAt('On Oct. 9, amid growing trade disputes, China threatened.', 'Oct. 9').includes('constant.other.date.bilingual'));
    assert.ok(scopesAt('<!-- bilingual-review-disable number-mismatch -->', 'bilingual').includes('comment.block.directive.bilingual'));
  });

  it('handles characters outside the BMP without breaking the line', () => {
    const scopes = scopesAt('𠀀𠀁字是罕见的汉字,共3个。', '3');
    assert.ok(scopes.includes('meta.line.chinese.bilingual'));
    assert.ok(scopes.includes('constant.numeric.chinese.bilingual'));
  });
});
