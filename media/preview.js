// @ts-check
// The side-by-side preview page (runs inside the webview). It builds every
// element with createElement/textContent: document text is never parsed as HTML.
//
// Messages from the extension:
//   { type: 'update', seq, data, line? }   new rows (bilingualReview/preview's answer)
//   { type: 'scrollToLine', line }          the editor scrolled (line may be fractional)
// Messages to the extension:
//   { type: 'ready' }                       the page is listening
//   { type: 'reveal', line, start?, end? }  a row or a finding was clicked
//   { type: 'revealLine', line }            the page was scrolled by the user
//   { type: 'window', line }                rows outside the window are needed around line
//   { type: 'filter', onlyFindings }        the filter changed
(function () {
  'use strict';

  /** @type {{ postMessage(m: unknown): void; getState(): any; setState(s: unknown): void }} */
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const stateEl = document.getElementById('preview-state');
  /** @type {any} */
  const init = JSON.parse((stateEl && stateEl.textContent) || '{}');
  const saved = vscode.getState() || {};
  const labels = init.labels || {};
  /** Persisted across reloads (the webview serializer hands it back). */
  const state = {
    uri: init.uri,
    fileName: init.fileName,
    line: typeof saved.line === 'number' && saved.uri === init.uri ? saved.line : typeof init.line === 'number' ? init.line : 0,
    onlyFindings: typeof saved.onlyFindings === 'boolean' ? saved.onlyFindings : !!init.onlyFindings,
    swapped: typeof saved.swapped === 'boolean' ? saved.swapped : !!init.swapped,
  };

  const rowsEl = /** @type {HTMLElement} */ (document.getElementById('rows'));
  const countsEl = /** @type {HTMLElement} */ (document.getElementById('counts'));
  const statusEl = /** @type {HTMLElement} */ (document.getElementById('status'));
  const headerEl = /** @type {HTMLElement} */ (document.getElementById('header'));
  const filterEl = /** @type {HTMLInputElement} */ (document.getElementById('only-findings'));
  const swapEl = /** @type {HTMLButtonElement} */ (document.getElementById('swap'));
  const heads = [document.getElementById('head-0'), document.getElementById('head-1')];

  /** @param {string} template @param {number | string} n */
  function fmt(template, n) {
    return String(template || '{0}').replace('{0}', String(n));
  }

  function saveState() {
    vscode.setState(state);
  }

  /** Last data rendered, and the highest update sequence number seen (older updates are dropped). */
  /** @type {any} */
  let current = null;
  let lastSeq = -1;

  /** Row elements in order with their line span (for scroll sync) and content key (for reuse). @type {{ el: HTMLElement, first: number, last: number, key?: string }[]} */
  let rowInfo = [];

  // ---- rendering -------------------------------------------------------------

  const LANG_ATTR = { en: 'en', zh: 'zh-Hans' };
  const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'];

  /**
   * The text of a cell with its findings as nested <span class="finding"> marks.
   * Overlapping ranges are cut at every boundary; each piece is wrapped once per
   * finding covering it (outermost = longest).
   * @param {HTMLElement} parent @param {string} text @param {any[]} findings
   */
  function appendMarkedText(parent, text, findings) {
    if (!findings.length) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    const cuts = new Set([0, text.length]);
    for (const f of findings) {
      cuts.add(f.start);
      cuts.add(f.end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1 || (points.length === 1 && i === 0); i++) {
      const a = points[i];
      const b = points.length === 1 ? a : points[i + 1];
      const covering = findings.filter((f) => (f.start < b && f.end > a) || (f.start === f.end && f.start === a));
      /** @type {Node} */
      let node = document.createTextNode(text.slice(a, b));
      // Innermost first: the shortest range wraps the text, longer ones wrap that.
      covering.sort((x, y) => x.end - x.start - (y.end - y.start));
      for (const f of covering) {
        const span = document.createElement('span');
        span.className = `finding sev-${SEVERITY_ORDER.includes(f.severity) ? f.severity : 'warning'}`;
        span.setAttribute('data-rule', String(f.ruleId));
        span.setAttribute('data-start', String(f.start));
        span.setAttribute('data-end', String(f.end));
        span.title = `${f.message} (${f.ruleId})`;
        span.appendChild(node);
        node = span;
      }
      parent.appendChild(node);
    }
  }

  /** @param {any} cell @param {number} col */
  function cellElement(cell, col) {
    const el = document.createElement('div');
    el.className = `cell col-${col}`;
    if (!cell) {
      el.classList.add('missing');
      const mark = document.createElement('span');
      mark.className = 'missing-mark';
      mark.textContent = labels.noCounterpart || 'no counterpart';
      el.appendChild(mark);
      return el;
    }
    el.classList.add(`lang-${cell.lang === 'zh' ? 'zh' : 'en'}`);
    el.setAttribute('lang', LANG_ATTR[cell.lang === 'zh' ? 'zh' : 'en']);
    el.setAttribute('data-line', String(cell.line));
    const ln = document.createElement('span');
    ln.className = 'ln';
    ln.textContent = String(cell.line + 1);
    ln.title = fmt(labels.line, cell.line + 1);
    el.appendChild(ln);
    const text = document.createElement('span');
    text.className = 'text';
    appendMarkedText(text, String(cell.text), Array.isArray(cell.findings) ? cell.findings : []);
    if (cell.truncated) {
      const more = document.createElement('span');
      more.className = 'truncated';
      more.textContent = '…';
      text.appendChild(more);
    }
    el.appendChild(text);
    return el;
  }

  /** @param {any} row */
  function rowElement(row) {
    const el = document.createElement('div');
    const kind = row.kind === 'unpaired' || row.kind === 'heading' ? row.kind : 'pair';
    el.className = `row ${kind}`;
    el.setAttribute('role', 'listitem');
    el.tabIndex = 0;
    el.setAttribute('data-line', String(row.line));
    if (kind === 'heading' && row.level) el.setAttribute('data-level', String(row.level));
    const findings = [];
    let first = row.line;
    let last = row.line;
    for (const c of row.cells) {
      if (!c) continue;
      first = Math.min(first, c.line);
      last = Math.max(last, c.line);
      if (Array.isArray(c.findings)) findings.push(...c.findings);
    }
    el.setAttribute('data-last-line', String(last));
    const marker = document.createElement('div');
    marker.className = 'marker';
    if (findings.length) {
      el.classList.add('has-findings');
      const worst = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) || 'warning';
      el.classList.add(`worst-${worst}`);
      marker.textContent = String(findings.length);
      marker.title = findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n');
    }
    el.appendChild(marker);
    el.appendChild(cellElement(row.cells[0], 0));
    el.appendChild(cellElement(row.cells[1], 1));
    return { el, first, last, key: '' };
  }

  /** @param {string} text @param {string} cls */
  function chip(text, cls) {
    const s = document.createElement('span');
    s.className = `chip ${cls}`;
    s.textContent = text;
    return s;
  }

  /** @param {any} data */
  function renderCounts(data) {
    countsEl.textContent = '';
    const c = data.counts || {};
    countsEl.appendChild(chip(fmt(labels.pairs, c.pairs || 0), 'pairs'));
    countsEl.appendChild(chip(fmt(labels.unpaired, c.unpaired || 0), c.unpaired ? 'unpaired nonzero' : 'unpaired'));
    countsEl.appendChild(chip(fmt(labels.findings, c.findings || 0), c.findings ? 'findings nonzero' : 'findings'));
    const byRule = c.byRule || {};
    for (const id of Object.keys(byRule).sort((a, b) => byRule[b] - byRule[a] || (a < b ? -1 : 1))) {
      const r = chip(`${id} ${byRule[id]}`, 'rule');
      r.setAttribute('data-rule', id);
      countsEl.appendChild(r);
    }
  }

  /** @param {string} text @param {string} cls */
  function bar(text, cls) {
    const el = document.createElement('div');
    el.className = `window-bar ${cls}`;
    el.textContent = text;
    return el;
  }

  /** @param {any} data */
  function render(data) {
    current = data;
    document.body.classList.toggle('checking', !!data.checking);
    statusEl.textContent = data.checking ? labels.checking || '' : '';
    renderCounts(data);
    const cols = Array.isArray(data.columns) ? data.columns : ['en', 'zh'];
    cols.forEach((lang, i) => {
      const h = heads[i];
      if (h) h.textContent = lang === 'zh' ? labels.chinese : labels.english;
    });
    const frag = document.createDocumentFragment();
    const info = [];
    const rows = Array.isArray(data.rows) ? data.rows : [];
    if (data.offset > 0) frag.appendChild(bar(fmt(labels.rowsAbove, data.offset), 'above'));
    // Rows whose content did not change keep their element (typing re-sends the whole window).
    /** @type {Map<string | undefined, { el: HTMLElement, first: number, last: number, key?: string }[]>} */
    const reuse = new Map();
    for (const r of rowInfo) {
      const list = reuse.get(r.key);
      if (list) list.push(r);
      else reuse.set(r.key, [r]);
    }
    for (const row of rows) {
      const key = JSON.stringify(row);
      const old = reuse.get(key);
      const r = old && old.length ? old.shift() : rowElement(row);
      r.key = key;
      r.el.classList.remove('active');
      info.push(r);
      frag.appendChild(r.el);
    }
    const below = (data.total || 0) - (data.offset || 0) - rows.length;
    if (below > 0) frag.appendChild(bar(fmt(labels.rowsBelow, below), 'below'));
    if (rows.length > 0 && !info.some((r) => r.el.classList.contains('has-findings'))) {
      // Shown only while the filter hides every row (CSS).
      const none = document.createElement('div');
      none.className = 'empty no-findings';
      none.textContent = labels.noFindings;
      frag.appendChild(none);
    }
    if (rows.length === 0) {
      const empty = document.createElement('div');
      empty.className = 'empty';
      empty.textContent = data.checking ? labels.checking : state.onlyFindings && data.counts && data.counts.pairs ? labels.noFindings : labels.empty;
      frag.appendChild(empty);
    }
    rowsEl.textContent = '';
    rowsEl.appendChild(frag);
    rowInfo = info;
  }

  // ---- scroll sync -------------------------------------------------------------

  /** Rows currently shown (the filter hides some). */
  function shownRows() {
    return state.onlyFindings ? rowInfo.filter((r) => r.el.classList.contains('has-findings')) : rowInfo;
  }

  function headerHeight() {
    return headerEl ? headerEl.getBoundingClientRect().height : 0;
  }

  /** Document line (fractional) at the top of the visible area, or undefined with no rows. */
  function lineAtTop() {
    const rows = shownRows();
    if (!rows.length) return undefined;
    const y = window.scrollY + headerHeight();
    let lo = 0;
    let hi = rows.length - 1;
    // The last row whose top is at or above y.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rows[mid].el.offsetTop <= y) lo = mid;
      else hi = mid - 1;
    }
    const r = rows[lo];
    const top = r.el.offsetTop;
    const height = Math.max(1, r.el.offsetHeight);
    const fraction = Math.max(0, Math.min(1, (y - top) / height));
    return r.first + fraction * (r.last + 1 - r.first);
  }

  /** Scroll position (px) that puts `line` at the top of the visible area. */
  function offsetForLine(line) {
    const rows = shownRows();
    if (!rows.length) return undefined;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rows[mid].first <= line) lo = mid;
      else hi = mid - 1;
    }
    const r = rows[lo];
    const top = r.el.offsetTop;
    const height = r.el.offsetHeight;
    let y;
    if (line < r.first) y = top;
    else if (line < r.last + 1) y = top + ((line - r.first) / (r.last + 1 - r.first)) * height;
    else {
      // Between this row and the next (blank or comment lines): interpolate across the gap.
      const next = rows[lo + 1];
      if (!next) y = top + height;
      else {
        const t = (line - (r.last + 1)) / Math.max(1, next.first - (r.last + 1));
        y = top + height + t * (next.el.offsetTop - top - height);
      }
    }
    return Math.max(0, y - headerHeight());
  }

  /**
   * Echo guard. A scroll the page makes because the editor scrolled must not be
   * reported back (the editor would scroll again, and so on). The page remembers
   * where it scrolled to; the scroll event that lands there is swallowed. (A
   * counter, as in VS Code's Markdown preview, gets stuck when a scroll causes no
   * event; a position cannot.)
   */
  /** @type {number | undefined} */
  let expectedScrollY;

  /** @param {number} line */
  function scrollToLine(line) {
    if (!jumpTo(line)) return;
    state.line = line;
    saveState();
    markActive(line);
    // Rows out of sight have an estimated height until they are laid out
    // (content-visibility): once the rows around the target are, aim again.
    // Watched for a few frames: layout of those rows lands a frame or two later.
    let frames = 6;
    const settle = () => {
      if (state.line !== line || frames-- <= 0) return;
      const y = offsetForLine(line);
      if (y !== undefined && Math.abs(y - window.scrollY) > 2) jumpTo(line);
      requestAnimationFrame(settle);
    };
    requestAnimationFrame(settle);
  }

  /** Scrolls so that `line` is at the top, remembering where, for the echo guard. @param {number} line */
  function jumpTo(line) {
    const y = offsetForLine(line);
    if (y === undefined) return false;
    const before = window.scrollY;
    window.scrollTo(0, y);
    if (window.scrollY !== before) expectedScrollY = window.scrollY;
    return true;
  }

  /** Marks the row at the editor's top line. @param {number} line */
  function markActive(line) {
    const prev = rowsEl.querySelector('.row.active');
    const rows = shownRows();
    let hit;
    for (let i = rows.length - 1; i >= 0; i--)
      if (rows[i].first <= line) {
        hit = rows[i];
        break;
      }
    if (prev && (!hit || prev !== hit.el)) prev.classList.remove('active');
    if (hit) hit.el.classList.add('active');
  }

  let scrollTimer = 0;
  let windowAsked = -1;
  function onScroll() {
    if (expectedScrollY !== undefined && Math.abs(window.scrollY - expectedScrollY) <= 1) {
      expectedScrollY = undefined;
      return;
    }
    expectedScrollY = undefined;
    if (scrollTimer) return;
    scrollTimer = window.setTimeout(() => {
      scrollTimer = 0;
      const line = lineAtTop();
      if (line === undefined) return;
      state.line = line;
      saveState();
      vscode.postMessage({ type: 'revealLine', line });
      askForWindowIfNeeded(line);
    }, 50);
  }

  /** Near the top or bottom of a partial window: ask for the rows around the current line. @param {number} line */
  function askForWindowIfNeeded(line) {
    if (!current) return;
    const rows = current.rows || [];
    const nearTop = current.offset > 0 && window.scrollY < window.innerHeight;
    const nearBottom =
      current.offset + rows.length < current.total && window.scrollY + 2 * window.innerHeight > document.documentElement.scrollHeight;
    if (!(nearTop || nearBottom)) return;
    const target = Math.floor(line);
    if (target === windowAsked) return;
    windowAsked = target;
    vscode.postMessage({ type: 'window', line: target });
  }

  // ---- events ------------------------------------------------------------------

  window.addEventListener('scroll', onScroll, { passive: true });

  rowsEl.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!target || !target.closest) return;
    // Selecting text in the preview is not a click on a row.
    const sel = window.getSelection && window.getSelection();
    if (sel && !sel.isCollapsed && String(sel).length > 0) return;
    const row = target.closest('.row');
    if (!row) return;
    const cell = target.closest('.cell[data-line]');
    const finding = target.closest('.finding');
    const line = Number((cell || row).getAttribute('data-line'));
    if (!Number.isFinite(line)) return;
    /** @type {{ type: string, line: number, start?: number, end?: number }} */
    const msg = { type: 'reveal', line };
    if (finding && cell) {
      msg.start = Number(finding.getAttribute('data-start'));
      msg.end = Number(finding.getAttribute('data-end'));
    }
    vscode.postMessage(msg);
  });

  // Keyboard: Enter reveals the focused row's line, arrows move between rows.
  rowsEl.addEventListener('keydown', (event) => {
    const row = /** @type {HTMLElement | null} */ (event.target && /** @type {HTMLElement} */ (event.target).closest ? /** @type {HTMLElement} */ (event.target).closest('.row') : null);
    if (!row) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', line: Number(row.getAttribute('data-line')) });
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const rows = shownRows();
      const i = rows.findIndex((r) => r.el === row);
      const next = rows[i + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.el.focus();
    }
  });

  function applyFilter() {
    document.body.classList.toggle('only-findings', state.onlyFindings);
    filterEl.checked = state.onlyFindings;
  }

  filterEl.addEventListener('change', () => {
    const line = lineAtTop();
    state.onlyFindings = filterEl.checked;
    saveState();
    applyFilter();
    if (current) render(current);
    if (line !== undefined) scrollToLine(line);
    vscode.postMessage({ type: 'filter', onlyFindings: state.onlyFindings });
  });

  function applySwap() {
    document.body.classList.toggle('swapped', state.swapped);
    swapEl.setAttribute('aria-pressed', String(state.swapped));
  }

  swapEl.addEventListener('click', () => {
    state.swapped = !state.swapped;
    saveState();
    applySwap();
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'update': {
        if (typeof msg.seq === 'number') {
          if (msg.seq <= lastSeq) return; // a stale answer
          lastSeq = msg.seq;
        }
        if (!msg.data) return;
        const keep = typeof msg.line === 'number' ? msg.line : lineAtTop();
        render(msg.data);
        windowAsked = -1;
        if (keep !== undefined) scrollToLine(keep);
        break;
      }
      case 'scrollToLine':
        if (typeof msg.line === 'number' && Number.isFinite(msg.line)) scrollToLine(msg.line);
        break;
      default:
        break;
    }
  });

  applyFilter();
  applySwap();
  saveState();
  if (init.data) {
    render(init.data);
    // Restored or opened at the editor's line: go there without echoing it back.
    if (state.line) scrollToLine(state.line);
  }
  vscode.postMessage({ type: 'ready' });
})();
