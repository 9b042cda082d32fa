// Markdown helpers for hovers: document text is shown literally, never
// interpreted (a line "<b>*x*</b>" shows as typed, and links in it do not become links).

/** Escapes text so that Markdown shows it literally (CommonMark backslash escapes, inline context). */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/[\\`*_{}[\]()<>#+!|~&$]/g, (c) => '\\' + c);
  // A leading "-", "=", "1." or ">" could open a list, a setext heading or a quote.
  out = out.replace(/^(\s*)([-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

/** Markdown inline code, safe for any content (uses a fence longer than any backtick run inside). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return fence + pad + text + pad + fence;
}

/** A block quote of one line of text, shown literally. */
export function quoteLine(text: string): string {
  return '> ' + escapeMarkdown(text);
}

/** Markdown to plain text, for clients that cannot render Markdown: drops emphasis and escapes, keeps link text. */
export function markdownToPlain(md: string): string {
  return md
    .replace(/^> /gm, '')
    .replace(/^---$/gm, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 <$2>')
    .replace(/\*\*/g, '')
    .replace(/\\([\\`*_{}[\]()<>#+!|~&$.=)-])/g, '$1');
}
