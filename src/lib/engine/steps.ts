/**
 * Stepping by block or stage, from the node scope paths the zoo writes
 * (`blocks.<stage>.<block>.<module>…`, e.g. `blocks.3.1.se.conv_reduce`):
 * - 'stage' groups consecutive nodes by the first two scope segments (`blocks.3`),
 * - 'block' by the first three (`blocks.3.1`),
 * - 'node' puts each node alone.
 * Shorter scopes (`stem`, `head.conv`) group by what they have, so the stem and head are one
 * stage and one block each when their segments agree.
 */
import type { Graph } from './graph.ts';
import type { Step } from './execute.ts';
import type { Tensor } from './tensor.ts';

export type StepLevel = 'node' | 'block' | 'stage';

export interface StepGroup {
  /** The shared scope prefix ('' for nodes without a scope). */
  readonly key: string;
  /** First node index (inclusive). */
  readonly start: number;
  /** Last node index + 1 (exclusive). */
  readonly end: number;
}

export function scopeKey(scope: string, level: StepLevel): string {
  if (level === 'node') return scope;
  return scope.split('.').slice(0, level === 'stage' ? 2 : 3).join('.');
}

export function groupSteps(graph: Graph, level: StepLevel): StepGroup[] {
  const groups: StepGroup[] = [];
  graph.nodes.forEach((n, i) => {
    const key = scopeKey(n.scope, level);
    const prev = groups[groups.length - 1];
    if (level !== 'node' && prev && prev.key === key && prev.end === i) groups[groups.length - 1] = { ...prev, end: i + 1 };
    else groups.push({ key, start: i, end: i + 1 });
  });
  return groups;
}

/**
 * Pulls steps from an execute() generator until the node at `end − 1` has run (a group's end),
 * returning those steps, or the graph outputs when the run finished.
 */
export function advanceTo(
  gen: Generator<Step, Record<string, Tensor>>, end: number,
): { steps: Step[]; outputs?: Record<string, Tensor> } {
  const steps: Step[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { steps, outputs: r.value };
    steps.push(r.value);
    if (r.value.index >= end - 1) return { steps };
  }
}
