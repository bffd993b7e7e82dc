/**
 * Which trained model a lesson's step cell runs. A cell names a zoo model and a block scope (e.g.
 * mobilenetv1_100, "blocks.3.1"); when the site ships a trained tiny counterpart of that
 * architecture (src/lib/models/tiny.ts, trained on Fashion-MNIST, public/models/trained/), the
 * cell steps the counterpart's corresponding block instead of the zoo's seeded weights, so the
 * activations the reader sees come from a network that learned something.
 *
 * The tiny family is written in the zoo's grammar and built by the zoo's builder, so stages and
 * block scopes mean the same thing (`blocks.<stage>.<index>…`). What differs is the number of
 * repeats per stage (1–2 instead of up to 4), so a block is matched by its role in its stage:
 * block 0 (the one that changes width or stride) to block 0, a repeat (index ≥ 1: stride 1, same
 * shape in and out, a residual) to the same index when the tiny stage has it, else to the tiny
 * stage's last repeat; a stage with a single block has no repeat to offer. Every other scope
 * (conv_stem, patch_embed, a ViT block's attn) must exist under the same name. Finally the two
 * blocks must run the same ops in the same order (op types, constants aside): a block that is
 * built differently is not a counterpart, and the cell keeps the zoo's seeded weights.
 *
 * Pure: the caller passes the graphs' nodes and the ids that have a trained run.
 */
import { isStepOp } from '../debugger/step-timeline.ts';

/** Zoo model → the tiny model written after it (tiny.ts: "How each tiny architecture follows its big one"). */
export const TRAINED_COUNTERPARTS: Readonly<Record<string, string>> = {
  mobilenetv1_100: 'tiny_mobilenetv1',
  mobilenetv2_100: 'tiny_mobilenetv2',
  semnasnet_100: 'tiny_mnasnet',
  mobilenetv3_large_100: 'tiny_mobilenetv3',
  tf_efficientnetv2_b0: 'tiny_efficientnetv2',
  efficientnet_b0: 'tiny_efficientnet_b0',
  efficientnet_b1: 'tiny_efficientnet_b1',
  efficientnet_b2: 'tiny_efficientnet_b2',
  efficientnet_b3: 'tiny_efficientnet_b3',
  vit_tiny_patch16_224: 'tiny_vit',
};

export interface ScopedNode {
  readonly scope: string;
  readonly opType: string;
}

export type CellWeights =
  | { readonly kind: 'trained'; readonly id: string; readonly scope?: string }
  | { readonly kind: 'seeded'; readonly reason: string };

const inScope = (n: ScopedNode, scope: string): boolean => n.scope === scope || n.scope.startsWith(`${scope}.`);

/** The op types a scope runs, in order (Constant nodes are data, not ops). */
export function opSignature(nodes: readonly ScopedNode[], scope?: string): string[] {
  return nodes.filter((n) => isStepOp(n) && (scope === undefined || inScope(n, scope))).map((n) => n.opType);
}

/** How many blocks stage `stage` has (distinct `blocks.<stage>.<i>` scopes). */
export function stageBlocks(nodes: readonly ScopedNode[], stage: number): number {
  const seen = new Set<number>();
  const re = new RegExp(`^blocks\\.${stage}\\.(\\d+)(\\.|$)`);
  for (const n of nodes) {
    const m = re.exec(n.scope);
    if (m) seen.add(Number(m[1]));
  }
  return seen.size;
}

/** The tiny model's scope that plays the role of `scope` in the zoo model, or a reason there is none. */
export function counterpartScope(
  scope: string,
  tiny: readonly ScopedNode[],
): { readonly scope: string } | { readonly reason: string } {
  const m = /^blocks\.(\d+)\.(\d+)(\..+)?$/.exec(scope);
  let candidate = scope;
  if (m) {
    const stage = Number(m[1]);
    const index = Number(m[2]);
    const n = stageBlocks(tiny, stage);
    if (n === 0) return { reason: `it has no stage ${stage}` };
    if (index > 0 && n < 2)
      return { reason: `its stage ${stage} has one block, no repeat like blocks.${stage}.${index}` };
    candidate = `blocks.${stage}.${index === 0 ? 0 : Math.min(index, n - 1)}${m[3] ?? ''}`;
  }
  return tiny.some((x) => inScope(x, candidate)) ? { scope: candidate } : { reason: `it has no ${candidate}` };
}

/**
 * The weights a step cell of zoo `model` at `scope` runs: the trained counterpart's block when one
 * is trained and built the same way, else the zoo's seeded weights with the reason.
 * `tinyNodes(id)` gives a tiny model's nodes (only called for a trained id).
 */
export function cellWeights(
  model: string,
  scope: string | undefined,
  zoo: readonly ScopedNode[],
  trained: ReadonlySet<string>,
  tinyNodes: (id: string) => readonly ScopedNode[],
): CellWeights {
  const id = TRAINED_COUNTERPARTS[model];
  if (!id) return { kind: 'seeded', reason: `${model} has no trained tiny counterpart` };
  if (!trained.has(id)) return { kind: 'seeded', reason: `${id} is not trained yet` };
  const tiny = tinyNodes(id);
  if (scope === undefined) return { kind: 'trained', id };
  const where = counterpartScope(scope, tiny);
  if ('reason' in where) return { kind: 'seeded', reason: `${id} has no counterpart of ${scope}: ${where.reason}` };
  const a = opSignature(zoo, scope);
  const b = opSignature(tiny, where.scope);
  if (a.length === 0) return { kind: 'seeded', reason: `${model} has no ops under ${scope}` };
  if (a.join() !== b.join())
    return {
      kind: 'seeded',
      reason: `${id}'s ${where.scope} runs ${b.join(', ')}, not ${model}'s ${a.join(', ')}`,
    };
  return { kind: 'trained', id, scope: where.scope };
}
