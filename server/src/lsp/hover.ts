// textDocument/hover: the counterpart line, what rules know about the token
// under the cursor (their inspect()), and the findings there with their
// explanation. The assembly is in the core (inspectAt); this is the LSP glue.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { inspectAt, inspectMarkdown, markdownToPlain } from '../core';
import { docUrl, type ServerState } from './state';

export async function hover(state: ServerState, params: HoverParams): Promise<Hover | null> {
  const doc = await state.session(params.textDocument.uri);
  if (!doc) return null;
  const result = inspectAt(doc.session, params.position, { docUrl });
  if (!result || result.sections.length === 0) return null;
  const markdown = inspectMarkdown(result);
  const formats = state.clientCapabilities.textDocument?.hover?.contentFormat;
  const plainOnly = !!formats && formats.length > 0 && !formats.includes(MarkupKind.Markdown);
  return {
    contents: plainOnly ? { kind: MarkupKind.PlainText, value: markdownToPlain(markdown) } : { kind: MarkupKind.Markdown, value: markdown },
    range: result.range,
  };
}
