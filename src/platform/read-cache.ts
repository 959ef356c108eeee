// An in-process cache for rows the submission path reads on every request but that change rarely
// (a survey's status, an initiative's status, an organization's demographic attributes, the actor
// behind an API token). Whoever writes such a row calls `invalidate`, so in this process the next
// read sees the change at once. Two bounds make it safe beyond that:
// - a generation counter: a value loaded while an invalidation happened is returned but not kept,
//   so a read that raced a change cannot put the old value back for the rest of the TTL;
// - a short TTL: other processes (several servers on one PostgreSQL, the CLI) cannot invalidate this
//   one, so their changes show after at most `ttlMs`.

/** A bounded key → value cache with a TTL and invalidation that wins over in-flight loads. */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  /** The cached value of `key`, or what `load` returns (kept unless invalidated meanwhile). */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      if (!hit && this.entries.size >= this.maxEntries)
        this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, expires: now + this.ttlMs });
    }
    return value;
  }

  /** Forgets one key, or every key; loads in flight are not kept either. */
  invalidate(key?: string): void {
    this.generation++;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
