/**
 * The architecture diagram of a model, as data: one column per section (stem, stages or ViT
 * blocks, head) whose height follows the feature-map side (square-root scale) and whose width
 * follows the channels (log scale: 16 and 1280 channels both stay visible; labels carry the true
 * numbers); each column expands into its blocks and each block into its ops
 * (expand 1×1, depthwise k×k, SE, project 1×1, residual…). Every layer-table row belongs to
 * exactly one op, which is what links the diagram and the table both ways.
 */
import { resolveCnn, type ResolvedBlock } from '../../models/index.ts';
import type { LayerRow, LayerTable } from './layer-table.ts';
import { isStructure, type ModelShape } from './arch-sections.ts';
import { roundTo, type Rect } from '../charts/scale.ts';

/** What an op and a block both are: a labelled box that owns layer-table rows. */
interface ArchPart {
  readonly id: string;
  readonly label: string;
  /** Channels in → out (or what the part does). */
  readonly detail: string;
  readonly rows: readonly number[];
}

/** `id`: `<block>:<n>`, unique in the model. */
export type ArchOp = ArchPart;

/** `id`: `blocks.<s>.<i>`, ViT `blocks.<i>`, or 'stem' / 'head'. */
export interface ArchBlock extends ArchPart {
  readonly ops: readonly ArchOp[];
}

/** A column: its box (viewBox units), its label lines, and the blocks it expands into. */
export interface ArchColumn extends Rect {
  readonly section: number;
  readonly kind: 'stem' | 'stage' | 'head';
  readonly label: string;
  /** e.g. '56²×24'. */
  readonly dims: string;
  readonly note: string;
  /** Centre of the column's slot (labels). */
  readonly cx: number;
  readonly blocks: readonly ArchBlock[];
  readonly rows: readonly number[];
}

export interface ArchDiagram {
  readonly width: number;
  readonly height: number;
  /** y of the first label line under the columns. */
  readonly labelY: number;
  readonly columns: readonly ArchColumn[];
  /** For each table row, the id of its op. */
  readonly rowOp: readonly string[];
}

// `side`: room left and right of the end columns for labels wider than a slot (ViT's 'patch embed').
export const ARCH_GEOMETRY = {
  slot: 76,
  top: 12,
  maxH: 180,
  minH: 10,
  minW: 8,
  maxW: 58,
  labelGap: 22,
  lineGap: 15,
  bottom: 8,
  side: 14,
} as const;

function blockLabel(b: ResolvedBlock): { label: string; detail: string } {
  const kind: Record<ResolvedBlock['type'], string> = {
    ds: 'DepthwiseSeparable',
    dsa: 'DepthwiseSeparable',
    ir: `MBConv${fmt(b.expansion)}`,
    er: `FusedMBConv${fmt(b.expansion)}`,
    cn: 'ConvBnAct',
  };
  const attn = b.attn ? ` · ${b.attn.kind === 'se' ? 'SE' : 'GC'} ${b.attn.width}` : '';
  return {
    label: `${kind[b.type]} k${b.kernel}`,
    detail: `${b.inChannels}→${b.outChannels}, stride ${b.stride}${attn}${b.residual ? ' · residual' : ''}`,
  };
}

const fmt = (x: number): string => String(roundTo(x, 2));

/** The op component of a row inside its block: 'conv_pw', 'bn1', 'se', '' for the residual Add. */
function component(row: LayerRow): string {
  const rel = row.block === 'stem' || row.block === 'head' ? row.name : row.name.slice(row.block.length + 1);
  return rel.split('.')[0];
}

const chans = (r: LayerRow): string =>
  `${r.input[1] ?? r.input[r.input.length - 1]}→${r.output[1] ?? r.output[r.output.length - 1]}`;

function opLabel(comp: string, first: LayerRow, block: ResolvedBlock | undefined): { label: string; detail: string } {
  const k = first.kernel ?? '';
  const s = first.stride && first.stride > 1 ? `, stride ${first.stride}` : '';
  switch (comp) {
    case 'conv_stem':
      return { label: `conv ${k}`, detail: `${chans(first)}${s}` };
    case 'conv_pw':
      return { label: block?.type === 'ir' ? 'expand 1×1' : 'pointwise 1×1', detail: chans(first) };
    case 'conv_pwl':
      return { label: 'project 1×1', detail: chans(first) };
    case 'conv_dw':
      return { label: `depthwise ${k}`, detail: `${first.output[1]} ch${s}` };
    case 'conv_exp':
      return { label: `fused expand ${k}`, detail: `${chans(first)}${s}` };
    case 'conv':
      return { label: `conv ${k}`, detail: `${chans(first)}${s}` };
    case 'se':
      return block?.attn?.kind === 'gc'
        ? { label: 'global context', detail: `${block.midChannels}→${block.attn.width}→${block.midChannels}` }
        : {
            label: 'squeeze-excite',
            detail: block?.attn ? `${block.midChannels}→${block.attn.width}→${block.midChannels}` : '',
          };
    case '':
      return { label: 'residual +', detail: 'adds the block input' };
    case 'conv_head':
      return { label: 'head conv 1×1', detail: chans(first) };
    case 'global_pool':
      return { label: 'global pool', detail: `${first.input[2] ?? ''}²→1²` };
    case 'flatten':
      return { label: 'flatten', detail: '' };
    case 'classifier':
    case 'head':
      return {
        label: 'classifier',
        detail: chans({
          ...first,
          input: [0, first.input[first.input.length - 1]],
          output: [0, first.output[first.output.length - 1]],
        }),
      };
    case 'patch_embed':
      return { label: `patch embed ${k}`, detail: `${chans(first)}${s}` };
    case 'cls_token':
      return { label: 'class token', detail: '+1 token' };
    case 'pos_embed':
      return { label: 'position embedding', detail: 'added to every token' };
    case 'norm1':
    case 'norm2':
    case 'norm':
      return { label: 'LayerNorm', detail: '' };
    case 'attn':
      return { label: 'self-attention', detail: 'qkv, QKᵀ, softmax, A·V, proj' };
    case 'mlp':
      return { label: 'MLP', detail: chans({ ...first, input: [0, first.input[1]], output: [0, first.output[1]] }) };
    case 'pool':
      return { label: 'class-token pool', detail: '' };
    default:
      return { label: comp, detail: first.op };
  }
}

/** Rows that continue the previous op instead of starting one: BatchNorm(+act) after its conv, activations after the head conv. */
function continues(comp: string, prev: string | undefined, row: LayerRow): boolean {
  if (prev === undefined) return false;
  if (comp === prev) return true;
  return row.op.startsWith('BatchNorm') || comp === 'act2' || (comp === 'bn2' && prev === 'conv_head');
}

/** Splits a block's rows into ops. */
export function blockOps(blockId: string, rows: readonly LayerRow[], block?: ResolvedBlock): ArchOp[] {
  const ops: { comp: string; rows: LayerRow[] }[] = [];
  for (const r of rows) {
    const comp = component(r);
    const last = ops[ops.length - 1];
    if (last && continues(comp, last.comp, r)) last.rows.push(r);
    else ops.push({ comp, rows: [r] });
  }
  return ops.map((o, n) => ({
    id: `${blockId}:${n}`,
    ...opLabel(o.comp, o.rows[0], block),
    rows: o.rows.map((r) => r.index),
  }));
}

/** Lays out the diagram of a model from its spec and its layer table. */
export function archDiagram(spec: ModelShape, table: LayerTable): ArchDiagram {
  const G = ARCH_GEOMETRY;
  const resolved =
    !isStructure(spec) && spec.kind === 'cnn'
      ? new Map(resolveCnn(spec).blocks.map((b) => [b.scope, b]))
      : new Map<string, ResolvedBlock>();
  const found = isStructure(spec) ? spec.blockLabels : {};
  const heads = !isStructure(spec) && spec.kind === 'vit' ? spec.heads : 0;
  const R = spec.resolution;
  // The head is drawn at the width of the features it pools (the classifier's input), not at the
  // class count, which would dwarf every stage (21,843 classes for the in21k heads).
  const classifier = table.rows[table.rows.length - 1];
  const headFeatures = classifier.input[classifier.input.length - 1] ?? 1;
  const widthOf = (s: (typeof table.sections)[number]): number => (s.kind === 'head' ? headFeatures : s.outChannels);
  const cMax = Math.max(...table.sections.map(widthOf));
  const cMin = Math.min(...table.sections.map(widthOf));
  const rowOp: string[] = new Array(table.rows.length);
  const columns: ArchColumn[] = table.sections.map((sec, slot) => {
    const secRows = table.rows.filter((r) => r.section === sec.index);
    const blockIds = [...new Set(secRows.map((r) => r.block))];
    const blocks: ArchBlock[] = blockIds.map((id) => {
      const rows = secRows.filter((r) => r.block === id);
      const rb = resolved.get(id);
      const ops = blockOps(id, rows, rb);
      for (const op of ops) for (const i of op.rows) rowOp[i] = op.id;
      const head = rb
        ? blockLabel(rb)
        : found[id]
          ? found[id]
          : id === 'stem'
            ? { label: sec.label, detail: `${rows[0].input[1]}→${sec.outChannels} channels` }
            : id === 'head'
              ? { label: 'head', detail: `→ ${spec.numClasses} classes` }
              : { label: 'transformer block', detail: `${sec.outChannels}-d tokens${heads ? `, ${heads} heads` : ''}` };
      return { id, ...head, ops, rows: rows.map((r) => r.index) };
    });
    const c = widthOf(sec);
    const res = sec.kind === 'head' ? 1 : sec.outResolution;
    const h = Math.max(G.minH, G.maxH * Math.sqrt(res / R));
    const w = cMax === cMin ? G.maxW : G.minW + ((G.maxW - G.minW) * Math.log(c / cMin)) / Math.log(cMax / cMin);
    const cx = G.side + slot * G.slot + G.slot / 2;
    return {
      section: sec.index,
      kind: sec.kind,
      label: sec.label,
      // The head's class count takes two lines ("1000" over "classes"): "1000 classes" is wider than a column.
      dims: sec.kind === 'head' ? String(spec.numClasses) : `${sec.outResolution}²×${sec.outChannels}`,
      note:
        sec.kind === 'head'
          ? 'classes'
          : sec.kind === 'stage' && spec.kind === 'cnn'
            ? `${sec.blocks} block${sec.blocks > 1 ? 's' : ''}`
            : '',
      x: cx - w / 2,
      y: G.top + (G.maxH - h) / 2,
      w,
      h,
      cx,
      blocks,
      rows: secRows.map((r) => r.index),
    };
  });
  const labelY = G.top + G.maxH + G.labelGap;
  return {
    width: columns.length * G.slot + 2 * G.side,
    height: labelY + 2 * G.lineGap + G.bottom,
    labelY,
    columns,
    rowOp,
  };
}
