import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText, Glossary, parseGlossary, RULES } from '../../server/src/core';
import { ROOT } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('every rule is documented and configurable', () => {
  it('rule ids are unique and kebab-case', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });
  for (const rule of RULES) {
    describe(rule.id, () => {
      const doc = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
      it('has docs/rules/<id>.md with a failing and a passing example', () => {
        assert.ok(fs.existsSync(doc), `missing ${doc}`);
        const text = fs.readFileSync(doc, 'utf8');
        assert.match(text, new RegExp(`^# ${rule.id}\\b`));
        assert.match(text, /## Failing example[\s\S]*```[\s\S]*```/);
        assert.match(text, /## Passing example[\s\S]*```[\s\S]*```/);
        assert.match(text, new RegExp(`Default severity:\\*\\* ${rule.defaultSeverity}`));
      });
      it('its failing example fails and its passing example passes', () => {
        const text = fs.readFileSync(doc, 'utf8');
        const block = (heading: string) => {
          const m = new RegExp(`## ${heading}[^\\n]*\\n[\\s\\S]*?\`\`\`text\\n([\\s\\S]*?)\`\`\``).exec(text);
          assert.ok(m, `no \`\`\`text block under "## ${heading}" in ${doc}`);
          return m[1];
        };
        // Rules that are off by default are switched on to run their examples.
        const config = { order: 'auto' as const, rules: { [rule.id]: 'warning' as const }, locale: 'en' as const, options: {} };
        // A ```glossary block (tab-separated) supplies the glossary for both examples.
        const gl = /```glossary\n([\s\S]*?)```/.exec(text);
        const env = { services: gl ? { glossary: new Glossary(parseGlossary(gl[1], 'tsv').entries) } : {} };
        const failing = checkText(block('Failing example'), { config, env }).findings.filter((f) => f.ruleId === rule.id);
        assert.ok(failing.length > 0, `the failing example of ${rule.id} gives no finding`);
        const passing = checkText(block('Passing example'), { config, env }).findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(passing.map((f) => f.message), [], `the passing example of ${rule.id} gives findings`);
      });
      it('has a severity setting in package.json', () => {
        const setting = pkg.contributes.configuration.properties[`bilingualReview.rules.${rule.id}`];
        assert.ok(setting, `package.json lacks bilingualReview.rules.${rule.id}`);
        assert.equal(setting.default, rule.defaultSeverity);
        assert.ok(setting.description || setting.markdownDescription);
      });
      it('has a description in English and Chinese', () => {
        assert.ok(rule.description.en.length > 10);
        assert.match(rule.description.zh, /[\u4e00-\u9fff]/);
      });
    });
  }
});
