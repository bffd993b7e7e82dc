/**
 * The columns every model view shares: the stem, then each stage (CNN: timm `blocks.<stage>`) or
 * each transformer block (ViT: `blocks.<i>`), then the head. A node belongs to a section by its
 * scope (timm module path), so the diagram, the layer table, the compute breakdown and the
 * comparison all cut the model the same way.
 */
import { resolveCnn, type ModelSpec } from '../../models/index.ts';
import type { GraphStructure } from '../debugger/graph-structure.ts';

/** A zoo spec, or the structure found in a graph that has none (a reader's .onnx, graph-structure.ts). */
export type ModelShape = ModelSpec | GraphStructure;

export const isStructure = (s: ModelShape): s is GraphStructure => 'structure' in s;

export interface Section {
  readonly index: number;
  readonly kind: 'stem' | 'stage' | 'head';
  /** 'stem', 'stage 3', 'block 7', 'head'. */
  readonly label: string;
  /** Stage (or ViT block) number for kind 'stage'. */
  readonly stage?: number;
  /** Feature-map side at the section's input and output (ViT: the token grid side). */
  readonly inResolution: number;
  readonly outResolution: number;
  /** Channels (ViT: embedding width) at the section's output. */
  readonly outChannels: number;
  /** Blocks in the section. */
  readonly blocks: number;
}

const STAGE = /^blocks\.(\d+)(?:\.|$)/;

/** The sections of a spec, in order. */
export function sectionsOf(spec: ModelShape): Section[] {
  if (isStructure(spec)) return [...spec.sections];
  if (spec.kind === 'vit') {
    const side = Math.floor(spec.resolution / spec.patch);
    const out: Section[] = [
      {
        index: 0,
        kind: 'stem',
        label: 'patch embed',
        inResolution: spec.resolution,
        outResolution: side,
        outChannels: spec.dim,
        blocks: 1,
      },
    ];
    for (let i = 0; i < spec.depth; i++) {
      out.push({
        index: i + 1,
        kind: 'stage',
        label: `block ${i}`,
        stage: i,
        inResolution: side,
        outResolution: side,
        outChannels: spec.dim,
        blocks: 1,
      });
    }
    out.push({
      index: spec.depth + 1,
      kind: 'head',
      label: 'head',
      inResolution: side,
      outResolution: 1,
      outChannels: spec.numClasses,
      blocks: 1,
    });
    return out;
  }
  const r = resolveCnn(spec);
  const out: Section[] = [
    {
      index: 0,
      kind: 'stem',
      label: 'stem',
      inResolution: r.stem.inSize,
      outResolution: r.stem.outSize,
      outChannels: r.stem.outChannels,
      blocks: 1,
    },
  ];
  for (const s of r.stages) {
    out.push({
      index: s.index + 1,
      kind: 'stage',
      label: `stage ${s.index}`,
      stage: s.index,
      inResolution: s.inputResolution,
      outResolution: s.outputResolution,
      outChannels: s.outChannels,
      blocks: s.repeats,
    });
  }
  const lastSize = r.stages.length ? r.stages[r.stages.length - 1].outputResolution : r.stem.outSize;
  out.push({
    index: r.stages.length + 1,
    kind: 'head',
    label: 'head',
    inResolution: lastSize,
    outResolution: 1,
    outChannels: spec.numClasses,
    blocks: 1,
  });
  return out;
}

/**
 * The section index of a scope: stem modules (CNN `conv_stem`, `bn1`; ViT `patch_embed`,
 * `cls_token`, `pos_embed`) → 0, `blocks.<s>…` → s + 1, everything after the body → the head.
 */
export function sectionOfScope(scope: string, sections: readonly Section[]): number {
  const m = STAGE.exec(scope);
  if (m) return Number(m[1]) + 1;
  const head = sections.length - 1;
  if (/^(conv_stem|bn1|patch_embed|cls_token|pos_embed)(\.|$)/.test(scope)) return 0;
  return head;
}

/** The block a scope belongs to: `blocks.<s>.<i>` for CNN blocks, `blocks.<i>` for ViT, else the section's own key. */
export function blockOfScope(scope: string, spec: Pick<ModelShape, 'kind'>): string {
  const re = spec.kind === 'vit' ? /^blocks\.\d+/ : /^blocks\.\d+\.\d+/;
  const m = re.exec(scope);
  if (m) return m[0];
  return /^(conv_stem|bn1|patch_embed|cls_token|pos_embed)(\.|$)/.test(scope) ? 'stem' : 'head';
}
