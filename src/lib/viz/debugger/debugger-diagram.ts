/**
 * The debugger's architecture diagram, as data: which diagram op (and so which block and section)
 * holds each graph node, which step a click on an op or a block jumps to, and a flatter copy of
 * the model page's column layout (the debugger shows it above its op list, so it must stay short).
 * The layer table groups nodes into rows and the diagram groups rows into ops, so a node's op is
 * found through its row; both groupings are partitions, which makes the mapping one-to-one.
 */
import type { ArchColumn, ArchDiagram } from '../models/arch-diagram.ts';
import { ARCH_GEOMETRY } from '../models/arch-diagram.ts';
import { isStepOp } from './step-timeline.ts';
import type { LayerTable } from '../models/layer-table.ts';

export interface DiagramLinks {
  /** For each graph node, by index, the id of the diagram op that contains it. */
  readonly nodeOp: readonly string[];
  /** For each op id, the step a click jumps to: its first node that is not a Constant. */
  readonly opStep: Readonly<Record<string, number>>;
  /** For each block id, the step a click jumps to: the block's first node that is not a Constant. */
  readonly blockStep: Readonly<Record<string, number>>;
}

interface NodeLike {
  readonly name: string;
  readonly opType: string;
}

/**
 * Maps every node of `nodes` (the graph the table was built from, in execution order) to its
 * diagram op. Throws when a node is in no op or in two: the diagram would then point at the
 * wrong place while the reader steps.
 */
export function diagramLinks(nodes: readonly NodeLike[], table: LayerTable, diagram: ArchDiagram): DiagramLinks {
  const nodeOp: (string | undefined)[] = new Array(nodes.length).fill(undefined);
  for (const row of table.rows) {
    const op = diagram.rowOp[row.index];
    if (op === undefined) throw new Error(`diagramLinks: layer-table row ${row.index} (${row.name}) has no diagram op`);
    for (const i of row.nodes) {
      if (i < 0 || i >= nodes.length)
        throw new Error(`diagramLinks: row ${row.name} names node ${i}, but the graph has ${nodes.length} nodes`);
      if (nodeOp[i] !== undefined)
        throw new Error(`diagramLinks: node ${nodes[i].name} is in two ops (${nodeOp[i]} and ${op})`);
      nodeOp[i] = op;
    }
  }
  const missing = nodeOp.findIndex((o) => o === undefined);
  if (missing >= 0) throw new Error(`diagramLinks: node ${nodes[missing].name} is in no diagram op`);
  const opStep: Record<string, number> = {};
  const blockStep: Record<string, number> = {};
  nodeOp.forEach((op, i) => {
    if (!isStepOp(nodes[i])) return;
    const id = op as string;
    opStep[id] ??= i;
    blockStep[blockOfOp(id)] ??= i;
  });
  return { nodeOp: nodeOp as string[], opStep, blockStep };
}

/** The block id of an op id (`blocks.1.0:2` → `blocks.1.0`, `stem:0` → `stem`). */
export function blockOfOp(opId: string): string {
  const k = opId.lastIndexOf(':');
  return k < 0 ? opId : opId.slice(0, k);
}

/** The diagram element of a step: its op, block and section, or null before the first node. */
export function elementOfStep(
  links: DiagramLinks,
  diagram: Pick<ArchDiagram, 'columns'>,
  step: number,
): { op: string; block: string; section: number } | null {
  const op = links.nodeOp[step];
  if (step < 0 || op === undefined) return null;
  const block = blockOfOp(op);
  const col = diagram.columns.find((c) => c.blocks.some((b) => b.id === block));
  if (!col) return null;
  return { op, block, section: col.section };
}

/** A model-page column without its blocks and rows: the debugger draws the columns only. */
export type CompactColumn = Omit<ArchColumn, 'blocks' | 'rows'>;

export interface CompactDiagram extends Pick<ArchDiagram, 'width' | 'height' | 'labelY'> {
  readonly lineGap: number;
  readonly columns: readonly CompactColumn[];
}

/**
 * The model page's columns squashed vertically by `k` (0 < k ≤ 1): widths and slots keep their
 * scale so the labels still fit, heights keep their proportions (the feature map's side, square-root
 * scale) around a shorter band, and one label line (the dims) sits under the name.
 */
export function compactDiagram(diagram: ArchDiagram, k: number): CompactDiagram {
  if (!(k > 0 && k <= 1)) throw new Error(`compactDiagram: k must be in (0, 1]; received ${k}`);
  const G = ARCH_GEOMETRY;
  const band = G.maxH * k;
  const columns = diagram.columns.map((c) => {
    const h = Math.max(G.minH * k, c.h * k);
    return {
      section: c.section,
      kind: c.kind,
      label: c.label,
      dims: c.dims,
      note: c.note,
      x: c.x,
      w: c.w,
      cx: c.cx,
      h,
      y: G.top + (band - h) / 2,
    };
  });
  const gap = 16;
  const labelY = G.top + band + gap;
  return { width: diagram.width, height: labelY + G.lineGap + G.bottom, labelY, lineGap: G.lineGap, columns };
}
