// The preview's bookkeeping, kept free of vscode so it can be tested alone.

/**
 * Numbers requests so that an answer overtaken by a newer request is dropped:
 * typing sends a request per pause, and an older, slower answer must not
 * replace a newer one.
 */
export class RequestSequencer {
  private latest = 0;

  /** The number of a new request (newer than every one before). */
  next(): number {
    return ++this.latest;
  }

  /** True while no request newer than `seq` was started. */
  isLatest(seq: number): boolean {
    return seq === this.latest;
  }

  /** Drops every answer under way (the preview closed). */
  invalidate(): void {
    this.latest++;
  }

  get current(): number {
    return this.latest;
  }
}

/**
 * The editor half of the scroll-sync echo guard. When the page scrolls, the
 * editor is revealed at that line; the editor then reports its new visible range,
 * which must not be sent back to the page. The guard remembers the line it
 * revealed (for a short while) and swallows the one report that lands there; any
 * other report (the user scrolled, or the editor could not go there) passes.
 */
export class RevealGuard {
  private pending: { line: number; until: number } | undefined;

  constructor(private readonly windowMs = 1000) {}

  /** A reveal of `line` is about to be made for the page. */
  mark(line: number, now = Date.now()): void {
    this.pending = { line, until: now + this.windowMs };
  }

  /** Should the editor's report of `topLine` be kept from the page? Consumes the mark. */
  swallow(topLine: number, now = Date.now()): boolean {
    const p = this.pending;
    this.pending = undefined;
    return !!p && now <= p.until && p.line === topLine;
  }
}
