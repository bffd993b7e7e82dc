/**
 * The seed of the NetAdapt stepper (mbv3-netadapt.ts): MobileNetV3-Large's inverted-residual
 * blocks as the zoo resolves them. Apart from the stepper's arithmetic, so the browser never loads the zoo.
 */
import { getModel, resolveCnn, type ResolvedBlock } from '../../models/index.ts';
import type { AdaptBlock } from './mbv3-netadapt.ts';

const SEED = 'mobilenetv3_large_100';

/** The `ir` blocks of mobilenetv3_large_100 (the `ds` first block and the `cn` last one have no expansion layer). */
export function seedBlocks(): AdaptBlock[] {
  const spec = getModel(SEED).spec;
  if (spec.kind !== 'cnn') throw new Error(`${SEED} is expected to be a CNN`);
  return resolveCnn(spec)
    .blocks.filter((b: ResolvedBlock) => b.type === 'ir')
    .map((b) => ({
      scope: b.scope,
      inChannels: b.inChannels,
      outChannels: b.outChannels,
      kernel: b.kernel,
      inSize: b.inSize,
      outSize: b.outSize,
      se: b.attn?.kind === 'se',
      seedMid: b.midChannels,
    }));
}
