/**
 * Single blocks as graphs, for lesson cells: the same emitters as whole models, so a lesson's
 * MBConv is exactly the zoo's MBConv.
 */
import type { Graph } from '../engine/graph.ts';
import { parseBlockString } from './block-string.ts';
import { CNN_OPSET, CnnEmitter } from './build-cnn.ts';
import { VIT_OPSET, vitBlock } from './build-vit.ts';
import { GraphBuilder } from './graph-builder.ts';
import { resolveBlock, type ResolvedBlock } from './resolve.ts';
import type { BlockSpec, CnnBlockSpec } from './spec.ts';

/** The resolved block of a block spec (width 1: channels as written). */
export function resolveBlockSpec(spec: CnnBlockSpec): ResolvedBlock {
  const def = parseBlockString(spec.block);
  if (def.repeats !== 1) throw new Error(`block spec '${spec.block}': a lesson block has r1, got r${def.repeats}`);
  return resolveBlock(
    { width: 1, roundLimit: 0.9, act: spec.act, attn: spec.attn },
    def,
    0,
    0,
    spec.inChannels,
    spec.resolution,
  );
}

/** Builds a block graph with declared weights: input `input`, output named after the block. */
export function buildBlock(spec: BlockSpec, name = 'block'): Graph {
  if (spec.kind === 'vit-block') {
    const g = new GraphBuilder(name, VIT_OPSET);
    const x = g.input('input', [spec.tokens, spec.dim]);
    const y = vitBlock(g, x, 'blocks.0', spec.tokens, spec.dim, spec.heads, Math.round(spec.dim * spec.mlpRatio));
    return g.finish([{ name: y, dtype: 'float32', dims: [spec.tokens, spec.dim] }]);
  }
  const b = resolveBlockSpec(spec);
  const g = new GraphBuilder(name, CNN_OPSET);
  const x = g.input('input', [1, spec.inChannels, spec.resolution, spec.resolution]);
  const y = new CnnEmitter(g, spec).block(x, b);
  return g.finish([{ name: y, dtype: 'float32', dims: [1, b.outChannels, b.outSize, b.outSize] }]);
}
