import type { Db } from '../../../platform/db/database.js';
import { edgeHighWaterMark, forEachEdgeBetween } from '../db/queries/edge-log.js';
import type { Walk, WalkDirection } from '../db/queries/walk.js';

/** Compressed adjacency: the neighbours of dense node `i` are `targets[offsets[i] .. offsets[i + 1])`. */
interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/**
 * The lineage graph's edges held in memory (node ids only, both directions), for the walks that visit
 * most of the graph: a full closure of 200,000 nodes takes tens of milliseconds in memory, where one
 * indexed query per level costs about a second. Kept current from the edge log: before each use,
 * `refresh` reads the edges added since the last one (edges are never removed), so a closure always
 * sees every edge committed before it started, whichever process wrote it. One instance per process
 * and database; about 30 bytes per edge and 60 per node.
 */
export class LineageTopology {
  /** Node id -> dense index, and back. */
  private readonly dense = new Map<number, number>();
  private ids: number[] = [];
  /** Edges as dense pairs, in the order read. */
  private src = new Int32Array(1024);
  private dst = new Int32Array(1024);
  private edgeCount = 0;
  private mark = 0;
  private downstream: Adjacency | undefined;
  private upstream: Adjacency | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  /** Edges held. */
  get size(): number {
    return this.edgeCount;
  }

  /**
   * Brings the edges up to date with every edge committed before the call. Calls that arrive while a
   * refresh runs share the next one (which starts after it), never the running one, whose high-water
   * mark may predate their callers' writes.
   */
  refresh(db: Db): Promise<void> {
    if (!this.running) {
      this.running = this.readNewEdges(db).finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh(db);
      });
    return this.queued;
  }

  private async readNewEdges(db: Db): Promise<void> {
    const upTo = await edgeHighWaterMark(db);
    if (upTo <= this.mark) return;
    const before = this.edgeCount;
    await forEachEdgeBetween(db, this.mark, upTo, (src, dst) => this.add(src, dst));
    this.mark = upTo;
    if (this.edgeCount !== before) {
      this.downstream = undefined;
      this.upstream = undefined;
    }
  }

  private indexOf(id: number): number {
    let i = this.dense.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.dense.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  private add(src: number, dst: number): void {
    if (this.edgeCount === this.src.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.src = grow(this.src);
      this.dst = grow(this.dst);
    }
    this.src[this.edgeCount] = this.indexOf(src);
    this.dst[this.edgeCount] = this.indexOf(dst);
    this.edgeCount++;
  }

  /** The adjacency of one direction, rebuilt (one pass over the edges) after new edges arrived. */
  private adjacency(direction: WalkDirection): Adjacency {
    const cached = direction === 'DOWNSTREAM' ? this.downstream : this.upstream;
    if (cached) return cached;
    const [from, to] = direction === 'DOWNSTREAM' ? [this.src, this.dst] : [this.dst, this.src];
    const n = this.ids.length;
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < this.edgeCount; e++) {
      const i = (from[e] as number) + 1;
      offsets[i] = (offsets[i] as number) + 1;
    }
    for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
    const fill = offsets.slice(0, n);
    const targets = new Int32Array(this.edgeCount);
    for (let e = 0; e < this.edgeCount; e++) {
      const i = from[e] as number;
      const at = fill[i] as number;
      targets[at] = to[e] as number;
      fill[i] = at + 1;
    }
    const built = { offsets, targets };
    if (direction === 'DOWNSTREAM') this.downstream = built;
    else this.upstream = built;
    return built;
  }

  /**
   * Breadth-first walk over the edges held (call `refresh` first), with the contract of `walkLineage`:
   * each node is visited once, at its shortest distance; the walk stops at `maxNodes` nodes, and
   * `isPartial` tells that something was left. With `withEdges`, the edges crossed are returned too
   * (every edge from a visited node to a node the walk keeps); without, `edges` is empty.
   */
  closure(start: readonly number[], direction: WalkDirection, maxNodes: number, withEdges = false): Walk {
    const distance = new Map<number, number>(start.map((id) => [id, 0]));
    const edges: [number, number][] = [];
    const { offsets, targets } = this.adjacency(direction);
    const depthOf = new Int32Array(this.ids.length).fill(-1);
    const queue = new Int32Array(this.ids.length);
    let tail = 0;
    for (const id of distance.keys()) {
      const i = this.dense.get(id);
      if (i !== undefined) {
        depthOf[i] = 0;
        queue[tail++] = i;
      }
    }
    let isPartial = false;
    let capDepth = Infinity;
    for (let head = 0; head < tail; head++) {
      const from = queue[head] as number;
      const depth = (depthOf[from] as number) + 1;
      // Like the indexed walk, finish the level where the cap was hit, then stop.
      if (depth > capDepth) break;
      for (let k = offsets[from] as number, end = offsets[from + 1] as number; k < end; k++) {
        const to = targets[k] as number;
        if (depthOf[to] === -1) {
          if (distance.size >= maxNodes) {
            isPartial = true;
            capDepth = depth;
            continue;
          }
          depthOf[to] = depth;
          queue[tail++] = to;
          distance.set(this.ids[to] as number, depth);
        }
        if (withEdges) {
          const a = this.ids[from] as number;
          const b = this.ids[to] as number;
          edges.push(direction === 'DOWNSTREAM' ? [a, b] : [b, a]);
        }
      }
    }
    return { distance, edges, isPartial };
  }
}
