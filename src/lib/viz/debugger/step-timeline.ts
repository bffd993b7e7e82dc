/**
 * The debugger's timeline: which node runs next when stepping by op, block or stage, cumulative
 * MACs, and the scrubber's geometry. Works on the node list alone (op type, scope, MACs), so the
 * page can lay it out before any weights exist. Block and stage keys follow the engine's `scopeKey`
 * (`blocks.<stage>.<block>…`, with 'stem' and 'head' groups around them).
 */
import type { Graph } from '../../engine/graph.ts';
import { groupSteps, type StepGroup, type StepLevel } from '../../engine/steps.ts';

export interface TimelineNode {
  readonly name: string;
  readonly opType: string;
  readonly scope: string;
  readonly macs: number;
}

/**
 * Node index ranges [start, end) of the groups stepped at `level`: the engine's own grouping
 * (groupSteps), which reads nothing but each node's scope, applied to this node list.
 */
export function groupsOf(nodes: readonly TimelineNode[], level: StepLevel): StepGroup[] {
  return groupSteps({ nodes } as unknown as Graph, level);
}

/**
 * Constant nodes are data (a Clip bound, a Reshape shape, ViT's attention scale), not ops: the op
 * lists leave them out, so stepping never stops on one and the position line does not count them.
 */
export function isStepOp(node: { readonly opType: string }): boolean {
  return node.opType !== 'Constant';
}

/** The index of the last op at or before `i` that is a step op, or `floor` when none is above it. */
function opAtOrBefore(nodes: readonly TimelineNode[], i: number, floor: number): number {
  let k = i;
  while (k > floor && !isStepOp(nodes[k])) k--;
  return k;
}

/**
 * The step index after one step at `level` from `current` (the index of the last node run, −1 before
 * any): the last op of the group holding the next op, clamped to the last op.
 */
export function nextStop(nodes: readonly TimelineNode[], level: StepLevel, current: number): number {
  let next = current + 1;
  while (next < nodes.length && !isStepOp(nodes[next])) next++;
  if (next >= nodes.length) return opAtOrBefore(nodes, nodes.length - 1, current);
  if (level === 'node') return next;
  const g = groupsOf(nodes, level).find((gr) => gr.start <= next && next < gr.end);
  // A shared Constant sits just before its first consumer, so a group can end on one.
  return g ? opAtOrBefore(nodes, g.end - 1, next) : next;
}

/** The step index one step back at `level`: the last op of the previous group (−1 = before the first op). */
export function prevStop(nodes: readonly TimelineNode[], level: StepLevel, current: number): number {
  if (current <= 0) return -1;
  if (level === 'node') return opAtOrBefore(nodes, current - 1, -1);
  const g = groupsOf(nodes, level).find((gr) => gr.start <= current && current < gr.end);
  return opAtOrBefore(nodes, g ? g.start - 1 : current - 1, -1);
}

/** Where a jump to `index` (a scrubber position, a list row) stops: that node, or the op a Constant feeds. */
export function opStopAt(nodes: readonly TimelineNode[], index: number, last: number): number {
  let k = index;
  while (k >= 0 && k < last && !isStepOp(nodes[k])) k++;
  return k;
}

/** How many step ops there are at or before each index: the op list's numbering (Constants left out). */
export function opOrdinals(nodes: readonly TimelineNode[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const n of nodes) out.push(isStepOp(n) ? ++k : k);
  return out;
}

/** Cumulative MACs after each node: out[i] = MACs of nodes 0..i. */
export function cumulativeMacs(nodes: readonly TimelineNode[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const n of nodes) out.push((s += n.macs));
  return out;
}

/** Stage bands for the scrubber: x and width (px over `width`) and the stage key. */
export function stageBands(
  nodes: readonly TimelineNode[],
  width: number,
): { key: string; x: number; w: number; start: number; end: number }[] {
  const n = Math.max(1, nodes.length);
  return groupsOf(nodes, 'stage').map((g) => ({
    key: g.key,
    start: g.start,
    end: g.end,
    x: (g.start / n) * width,
    w: ((g.end - g.start) / n) * width,
  }));
}

/** The node index range [start, end) whose scope equals `prefix` or starts with `prefix.`; null when none. */
export function scopeRange(nodes: readonly TimelineNode[], prefix: string): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  nodes.forEach((n, i) => {
    if (n.scope === prefix || n.scope.startsWith(`${prefix}.`)) {
      if (start < 0) start = i;
      end = i + 1;
    }
  });
  return start < 0 ? null : { start, end };
}
