/**
 * Stepping by block or stage, from the node scope paths the zoo writes (timm module names):
 * CNNs `blocks.<stage>.<block>.<module>` (e.g. `blocks.3.1.se.conv_reduce`), ViTs
 * `blocks.<block>.<module>`.
 * - 'stage' groups consecutive nodes by the scope up to its first numeric segment (`blocks.3`),
 * - 'block' by the scope up to its second numeric segment (`blocks.3.1`; a ViT's `blocks.7`),
 * - 'node' puts each node alone.
 * Scopes without a number (`conv_stem`, `bn1`, `conv_head`, `classifier`) form one group named
 * 'stem' before the first numbered node and 'head' after it; a node with an empty scope (an
 * activation or constant the builder left unnamed) joins the group of the node before it.
 */
import type { Graph } from './graph.ts';
import type { Step } from './execute.ts';
import type { Tensor } from './tensor.ts';

export type StepLevel = 'node' | 'block' | 'stage';

export interface StepGroup {
  /** 'blocks.3', 'blocks.3.1', 'stem', 'head', or the node's scope at level 'node'. */
  readonly key: string;
  /** First node index (inclusive). */
  readonly start: number;
  /** Last node index + 1 (exclusive). */
  readonly end: number;
}

/** The scope prefix up to the n-th numeric segment, or undefined when the scope has none. */
export function scopeKey(scope: string, level: 'block' | 'stage'): string | undefined {
  const parts = scope.split('.');
  let numbers = 0;
  let firstEnd = -1;
  for (let i = 0; i < parts.length; i++) {
    if (!/^\d+$/.test(parts[i])) continue;
    numbers++;
    if (numbers === 1) firstEnd = i + 1;
    if (level === 'stage' || numbers === 2) return parts.slice(0, i + 1).join('.');
  }
  return firstEnd > 0 ? parts.slice(0, firstEnd).join('.') : undefined;
}

export function groupSteps(graph: Graph, level: StepLevel): StepGroup[] {
  const groups: StepGroup[] = [];
  let seenNumbered = false;
  graph.nodes.forEach((n, i) => {
    const prev = groups[groups.length - 1];
    let key: string;
    if (level === 'node') key = n.scope;
    else if (n.scope === '' && prev) key = prev.key;
    else {
      const k = n.scope === '' ? undefined : scopeKey(n.scope, level);
      if (k !== undefined) seenNumbered = true;
      key = k ?? (seenNumbered ? 'head' : 'stem');
    }
    if (level !== 'node' && prev && prev.key === key && prev.end === i)
      groups[groups.length - 1] = { ...prev, end: i + 1 };
    else groups.push({ key, start: i, end: i + 1 });
  });
  return groups;
}

/**
 * Pulls steps from an execute() generator until the node at `end − 1` has run (a group's end),
 * returning those steps, or the graph outputs too when the run finished.
 */
export function advanceTo(
  gen: Generator<Step, Record<string, Tensor>>,
  end: number,
): { steps: Step[]; outputs?: Record<string, Tensor> } {
  const steps: Step[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { steps, outputs: r.value };
    steps.push(r.value);
    if (r.value.index >= end - 1) return { steps };
  }
}
