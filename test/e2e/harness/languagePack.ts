// Shared by the code-server harness and the @vscode/test-electron runner.

import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = path.resolve(ROOT, '..', 'shared', 'seeds', '000_8a6ed06ea1bff06e.txt');

/**
 * Fills a workspace folder: the seed as seed.txt at the top, the project's
 * samples in samples/ (their .bilingual glossary applies to that folder only,
 * so the seed's findings are its own, as the CLI gives them for the seed alone).
 */
export function fillWorkspace(dir: string): void {
  fs.cpSync(path.join(ROOT, 'samples'), path.join(dir, 'samples'), { recursive: true });
  fs.copyFileSync(SEED, path.join(dir, 'seed.txt'));
}

/**
 * Registers the stand-in language pack test/e2e/language-pack-<locale> (see its
 * README) the way VS Code's language pack cache does: an entry in
 * <user-data-dir>/languagepacks.json naming its translations file. Then
 * `--locale <locale>` sets vscode.env.language without the marketplace pack.
 */
export function registerLanguagePack(userDataDir: string, locale: string): void {
  const translations = path.join(ROOT, 'test', 'e2e', `language-pack-${locale}`, 'translations', 'main.i18n.json');
  if (!fs.existsSync(translations)) throw new Error(`no stand-in language pack for ${locale} (${translations})`);
  const entry = {
    hash: `e2e-${locale}-1`,
    extensions: [{ extensionIdentifier: { id: `bilingual-review-tests.language-pack-${locale}` }, version: '0.0.1' }],
    translations: { vscode: translations },
    label: locale,
  };
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: entry }, null, 2));
}
