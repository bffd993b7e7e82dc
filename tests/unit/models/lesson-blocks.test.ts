/**
 * The lesson ONNX files in public/models: regenerated from their specs they are byte-identical
 * to the committed files (sha256 in the manifest), they are kilobytes, and onnxruntime-web gives
 * the engine's outputs for them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { analyze, runGraph } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/index.ts';
import {
  buildBlock,
  LESSON_BLOCKS,
  materialize,
  referenceInput,
  resolveBlockSpec,
  type CnnBlockSpec,
} from '~/lib/models/index.ts';
import { disagreement } from '../ort/compare.ts';

const dir = fileURLToPath(new URL('../../../public/models/', import.meta.url));
const manifest = JSON.parse(readFileSync(dir + 'manifest.json', 'utf8')) as {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
  seed: number;
  params: number;
}[];

describe('lesson blocks in public/models', () => {
  it('lists every lesson block once in the manifest', () => {
    expect(manifest.map((m) => m.id)).toEqual(LESSON_BLOCKS.map((b) => b.id));
  });

  it.each(LESSON_BLOCKS.map((b) => [b.id, b] as const))(
    '%s regenerates byte for byte, is kilobytes and runs in ORT like the engine',
    async (id, b) => {
      const entry = manifest.find((m) => m.id === id)!;
      const g = materialize(buildBlock(b.spec, id), b.seed, { snapStatistics: true });
      const bytes = exportOnnx(g, { producer: 'depthwise scripts/gen-models.ts' });
      const onDisk = readFileSync(dir + entry.file);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(entry.sha256);
      expect(onDisk.length).toBe(entry.bytes);
      expect(entry.bytes).toBeLessThan(100_000);
      const input = referenceInput(g.inputs[0].dims as number[], 3);
      const engine = runGraph(g, { input })[g.outputs[0].name];
      const ort = await ortRun(await ortSession(onDisk), { input });
      expect(disagreement(engine, ort[g.outputs[0].name])).toBe('');
    },
  );

  it('counts the MBConv-SE and MobileNetV3 blocks by hand', () => {
    const spec = (id: string) => LESSON_BLOCKS.find((b) => b.id === id)!.spec as CnnBlockSpec;
    // MBConv e4 on 16: pw 16·64 + BN 128, dw 64·9 + BN 128, SE 64·4+4 + 4·64+64 (rd = 16/4), pwl 64·16 + BN 32.
    expect(resolveBlockSpec(spec('mbconv-se')).attn!.width).toBe(4);
    expect(analyze(buildBlock(spec('mbconv-se'))).params).toBe(
      16 * 64 + 128 + 64 * 9 + 128 + (64 * 4 + 4 + 4 * 64 + 64) + 64 * 16 + 32,
    );
    // V3: mid 48, SE rd = make_divisible(48/4 = 12) = 16, dw 5×5.
    const v3 = resolveBlockSpec(spec('mobilenetv3-block'));
    expect([v3.midChannels, v3.attn!.width, v3.residual]).toEqual([48, 16, true]);
    expect(analyze(buildBlock(spec('mobilenetv3-block'))).params).toBe(
      16 * 48 + 96 + 48 * 25 + 96 + (48 * 16 + 16 + 16 * 48 + 48) + 48 * 16 + 32,
    );
  });

  it('refuses a lesson block with repeats', () => {
    expect(() =>
      buildBlock({
        kind: 'cnn-block',
        block: 'ir_r2_k3_s1_e4_c16',
        inChannels: 16,
        resolution: 8,
        act: 'relu',
        padding: 'symmetric',
        bnEps: 1e-5,
      }),
    ).toThrow(/a lesson block has r1, got r2/);
  });
});
