import type { EventStore, RecordedEvent } from '@salesbook/eventstore';

/** Events per page of the catch-up read. */
export const CATCH_UP_PAGE_SIZE = 1_000;
/** Full pages kept for followers a little behind the others (they read in step, so a few suffice). */
const PAGES_KEPT = 4;

/**
 * Reads the log in pages for the followers of one runner while they catch up, and lets them share each full
 * page: a rebuild of every projection reads (and parses) the log once instead of once per projection, and the
 * followers get the same event objects, so a decoded event can be reused too. Only full pages are kept: a full
 * page after a position never changes (positions only grow), while a short one ends at the head of the moment.
 */
export class PageReader {
  private readonly pages = new Map<string, Promise<readonly RecordedEvent[]>>();

  constructor(
    private readonly store: EventStore,
    readonly pageSize: number = CATCH_UP_PAGE_SIZE,
  ) {}

  /** The page strictly after `after` (from the start when undefined); short when it reaches the head. */
  read(after: bigint | undefined): Promise<readonly RecordedEvent[]> {
    const key = after === undefined ? '' : after.toString();
    const kept = this.pages.get(key);
    if (kept !== undefined) return kept;
    const page = this.store.readAll({ ...(after === undefined ? {} : { after }), maxCount: this.pageSize });
    this.pages.set(key, page);
    page.then(
      (events) => {
        if (events.length < this.pageSize) this.pages.delete(key);
      },
      () => this.pages.delete(key),
    );
    while (this.pages.size > PAGES_KEPT) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
    return page;
  }
}
