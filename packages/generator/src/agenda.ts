/** One thing to do at an instant; ties run in the order they were scheduled. */
interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

const before = (a: Entry, b: Entry): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/**
 * The simulation's diary: a binary min-heap of actions by instant (epoch ms), then by scheduling order,
 * so the run is deterministic and every stream's events come out in business-time order.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;

  /** Actions waiting. */
  get size(): number {
    return this.heap.length;
  }

  /** Schedules `run` at `at` (epoch ms). */
  schedule(at: number, run: () => void): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = heap[i] as Entry;
      const up = heap[parent] as Entry;
      if (!before(child, up)) break;
      heap[i] = up;
      heap[parent] = child;
      i = parent;
    }
  }

  /** The instant of the next action, if any. */
  peek(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns the next action. */
  pop(): { at: number; run: () => void } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      heap[0] = last;
      this.sink(0);
    }
    return top;
  }

  private sink(start: number): void {
    const heap = this.heap;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left] as Entry, heap[smallest] as Entry)) smallest = left;
      if (right < heap.length && before(heap[right] as Entry, heap[smallest] as Entry)) smallest = right;
      if (smallest === i) return;
      const swap = heap[i] as Entry;
      heap[i] = heap[smallest] as Entry;
      heap[smallest] = swap;
      i = smallest;
    }
  }
}
