/**
 * A bounded cache that keeps what was used recently: two generations of at most `limit` entries each.
 * A hit in the old generation moves the entry to the new one; when the new one is full it becomes
 * the old one. Close to LRU, at the cost of one Map lookup per hit instead of a re-insertion.
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
