import { entityTag, listsTag, subgraphTag, typeTag, type CacheTag } from '../cache/tags';

/**
 * What one request changed, for the gateways' caches (exact invalidation). Workflows declare every
 * entity they changed, the types whose derived fields changed with it, and whether lists changed;
 * after a mutation the subgraph publishes these tags and every gateway process drops the cached
 * entries carrying them before the mutation's answer reaches the client (lib/subgraph/service.ts).
 *
 * A mutation that succeeds without declaring anything invalidates the whole subgraph (correct but
 * coarse) and is logged: `unchanged()` says explicitly that nothing was written.
 */
export class ChangeSet {
  private readonly set = new Set<CacheTag>();
  private declaredNothing = false;

  constructor(readonly subgraph: string) {}

  /** This entity's fields from this subgraph changed, e.g. `entity('City', { id: 'makati' })`. */
  entity(typename: string, key: Record<string, unknown>): this {
    this.set.add(entityTag(this.subgraph, typename, key));
    return this;
  }

  /** Fields of every entity of this type may have changed (they are derived from many documents). */
  type(typename: string): this {
    this.set.add(typeTag(this.subgraph, typename));
    return this;
  }

  /** Root query answers (lists, counts, searches) of this subgraph may have changed. */
  lists(): this {
    this.set.add(listsTag(this.subgraph));
    return this;
  }

  /** Everything this subgraph answers may have changed. */
  everything(): this {
    this.set.add(subgraphTag(this.subgraph));
    return this;
  }

  /** The request wrote nothing (e.g. an idempotent repeat): no invalidation is needed. */
  unchanged(): this {
    this.declaredNothing = true;
    return this;
  }

  get tags(): CacheTag[] {
    return [...this.set];
  }

  /** Whether the workflow said what it changed (or that it changed nothing). */
  get declared(): boolean {
    return this.declaredNothing || this.set.size > 0;
  }
}
