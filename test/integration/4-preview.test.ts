// The side-by-side preview (branch preview): the command opens a webview tab
// of viewType bilingualReview.preview beside the editor.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, openBilingual, waitFor, waitForDiagnostics, workspaceDir } from './helpers';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('bilingualReview.preview'));
}

describe('preview', () => {
  afterEach(closeAll);

  it('"Open Preview to the Side" opens a preview webview tab beside the seed', async () => {
    const editor = await openBilingual(path.join(workspaceDir(), 'seed.txt'));
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'the first findings');
    assert.equal(previewTabs().length, 0);
    await vscode.commands.executeCommand('bilingualReview.showPreviewToSide');
    const tab = await waitFor(() => previewTabs()[0], 'a bilingualReview.preview tab', 15000);
    assert.match(tab.label, /seed\.txt/);
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview opens beside the editor');
    // The text editor keeps its column and the document stays open.
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === editor.document.uri.toString()));
  });

  it('"Open Preview" a second time reveals the same preview instead of opening another', async () => {
    await openBilingual(path.join(workspaceDir(), 'seed.txt'));
    await vscode.commands.executeCommand('bilingualReview.showPreviewToSide');
    await waitFor(() => previewTabs()[0], 'a preview tab', 15000);
    await vscode.commands.executeCommand('bilingualReview.showPreviewToSide');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(previewTabs().length, 1);
  });
});
