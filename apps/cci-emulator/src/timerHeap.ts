/** A timer of the emulator clock, ordered by due time, then by scheduling order (`seq`). */
export interface HeapTimer {
  due: number;
  seq: number;
  fn: () => void;
  /** Its place in the heap's array, -1 once it has left the heap (run, cancelled or cleared). */
  index: number;
}

function before(a: HeapTimer, b: HeapTimer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/**
 * A binary min-heap of timers that knows where each timer sits, so cancelling one is O(log n)
 * like adding or taking the next. (The heap packages on npm cancel by searching the array, O(n),
 * which is what made the sorted array slow with tens of thousands of pods.)
 */
export class TimerHeap {
  private readonly items: HeapTimer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): HeapTimer | undefined {
    return this.items[0];
  }

  push(timer: HeapTimer): void {
    timer.index = this.items.length;
    this.items.push(timer);
    this.up(timer.index);
  }

  pop(): HeapTimer | undefined {
    const top = this.items[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  /** Takes `timer` out if it is still in the heap; false when it had already left. */
  remove(timer: HeapTimer): boolean {
    if (timer.index < 0 || this.items[timer.index] !== timer) return false;
    this.removeAt(timer.index);
    return true;
  }

  clear(): void {
    for (const timer of this.items) timer.index = -1;
    this.items.length = 0;
  }

  private removeAt(index: number): void {
    const items = this.items;
    const removed = items[index] as HeapTimer;
    const last = items.pop() as HeapTimer;
    removed.index = -1;
    if (last === removed) return;
    items[index] = last;
    last.index = index;
    // The moved timer may belong above or below its new place, never both.
    if (index > 0 && before(last, items[(index - 1) >> 1] as HeapTimer)) this.up(index);
    else this.down(index);
  }

  private up(index: number): void {
    const items = this.items;
    const timer = items[index] as HeapTimer;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex] as HeapTimer;
      if (!before(timer, parent)) break;
      items[index] = parent;
      parent.index = index;
      index = parentIndex;
    }
    items[index] = timer;
    timer.index = index;
  }

  private down(index: number): void {
    const items = this.items;
    const length = items.length;
    const timer = items[index] as HeapTimer;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && before(items[right] as HeapTimer, items[child] as HeapTimer))
        child = right;
      const smaller = items[child] as HeapTimer;
      if (!before(smaller, timer)) break;
      items[index] = smaller;
      smaller.index = index;
      index = child;
    }
    items[index] = timer;
    timer.index = index;
  }
}
