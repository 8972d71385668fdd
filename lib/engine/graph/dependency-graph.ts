/**
 * A small, pure dependency graph. An edge (a, b) means "a depends on b": b is created before a
 * and deleted after it. Used by validation (cycles), the scheduler (forward and reverse walks),
 * the console's topology view and preview.
 */
export class DependencyGraph {
  private readonly deps = new Map<string, Set<string>>();
  private readonly dependents = new Map<string, Set<string>>();

  /** Builds a graph; edges naming unknown nodes are ignored (references are checked elsewhere). */
  constructor(nodes: Iterable<string>, edges: Iterable<readonly [from: string, to: string]>) {
    for (const n of nodes) {
      this.deps.set(n, new Set());
      this.dependents.set(n, new Set());
    }
    for (const [from, to] of edges) {
      if (!this.deps.has(from) || !this.deps.has(to)) continue;
      this.deps.get(from)!.add(to);
      this.dependents.get(to)!.add(from);
    }
  }

  /** Builds a graph from a map of node -> the nodes it depends on. */
  static fromDependencies(dependsOn: Record<string, readonly string[]>): DependencyGraph {
    const edges: [string, string][] = [];
    for (const [from, tos] of Object.entries(dependsOn)) for (const to of tos) edges.push([from, to]);
    return new DependencyGraph(Object.keys(dependsOn), edges);
  }

  /** All node names, in insertion order. */
  nodes(): string[] {
    return [...this.deps.keys()];
  }

  has(node: string): boolean {
    return this.deps.has(node);
  }

  /** The nodes `node` depends on (must exist first). */
  dependenciesOf(node: string): string[] {
    return [...(this.deps.get(node) ?? [])];
  }

  /** The nodes that depend on `node`. */
  dependentsOf(node: string): string[] {
    return [...(this.dependents.get(node) ?? [])];
  }

  /** The graph with every edge reversed (the order in which to delete). */
  reversed(): DependencyGraph {
    const edges: [string, string][] = [];
    for (const [from, tos] of this.deps) for (const to of tos) edges.push([to, from]);
    return new DependencyGraph(this.deps.keys(), edges);
  }

  /** Every node reachable by following dependencies from `node` (not including it). */
  transitiveDependencies(node: string): Set<string> {
    const seen = new Set<string>();
    const stack = [...(this.deps.get(node) ?? [])];
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(this.deps.get(n) ?? []));
    }
    return seen;
  }

  /**
   * Dependencies first (Kahn's algorithm, ties in insertion order).
   * Throws if the graph has a cycle; call findCycle() first to report it.
   */
  topologicalOrder(): string[] {
    const remaining = new Map<string, number>();
    for (const [n, ds] of this.deps) remaining.set(n, ds.size);
    const ready = [...remaining].filter(([, c]) => c === 0).map(([n]) => n);
    const order: string[] = [];
    for (let i = 0; i < ready.length; i++) {
      const n = ready[i];
      order.push(n);
      for (const d of this.dependents.get(n)!) {
        const c = remaining.get(d)! - 1;
        remaining.set(d, c);
        if (c === 0) ready.push(d);
      }
    }
    if (order.length !== this.deps.size) throw new Error(`dependency cycle: ${this.findCycle()!.join(" -> ")}`);
    return order;
  }

  /**
   * A cycle as a closed path [a, b, ..., a] where each node depends on the next, or undefined.
   * Iterative depth-first search, so deep chains do not overflow the call stack.
   */
  findCycle(): string[] | undefined {
    const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
    for (const root of this.deps.keys()) {
      if (state.has(root)) continue;
      const path: string[] = [];
      const iters: Iterator<string>[] = [];
      const enter = (n: string) => {
        state.set(n, 1);
        path.push(n);
        iters.push(this.deps.get(n)![Symbol.iterator]());
      };
      enter(root);
      while (iters.length) {
        const next = iters[iters.length - 1].next();
        if (next.done) {
          state.set(path.pop()!, 2);
          iters.pop();
          continue;
        }
        const m = next.value;
        const s = state.get(m);
        if (s === 1) return [...path.slice(path.indexOf(m)), m];
        if (s === undefined) enter(m);
      }
    }
    return undefined;
  }

  /** Length of the longest dependency chain when each node costs weight(node) (critical path). */
  criticalPath(weight: (node: string) => number): number {
    const finish = new Map<string, number>();
    for (const n of this.topologicalOrder()) {
      let start = 0;
      for (const d of this.deps.get(n)!) start = Math.max(start, finish.get(d)!);
      finish.set(n, start + weight(n));
    }
    return Math.max(0, ...finish.values());
  }
}
