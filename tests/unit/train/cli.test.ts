import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as evalCommand } from '~/cli/commands/eval.ts';
import { run as trainCommand, type TrainSummary } from '~/cli/commands/train.ts';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { f32, runGraph } from '~/lib/engine/index.ts';
import { readTrained } from '~/lib/train/checkpoint.ts';
import { readMetadata } from '~/lib/train/onnx-metadata.ts';
import { TINY_MBCONV_SPEC } from '~/lib/train/tiny.ts';

let dir = '';
let spec = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'depthwise-train-'));
  spec = join(dir, 'tiny.json');
  await writeFile(spec, JSON.stringify(TINY_MBCONV_SPEC));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function captured(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await fn(), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

const COMMON = [
  '--data',
  'fashion-mnist',
  '--res',
  '16',
  '--limit',
  '96',
  '--batch',
  '16',
  '--epochs',
  '2',
  '--opt',
  'adamw',
  '--seed',
  '3',
  '--json',
];

describe('depthwise train / eval', () => {
  it('trains a spec file; stopped and resumed, it writes the same model and losses as an uninterrupted run', async () => {
    const whole = join(dir, 'whole.onnx');
    const a = await captured(() => trainCommand([spec, ...COMMON, '--out', whole]));
    expect(a.code).toBe(0);
    const sa = JSON.parse(a.out) as TrainSummary;
    expect(sa.steps).toBe(12);
    expect(sa.losses).toHaveLength(12);

    const resumed = join(dir, 'resumed.onnx');
    const ckpt = join(dir, 'ck.onnx');
    const b = await captured(() =>
      trainCommand([spec, ...COMMON, '--out', resumed, '--checkpoint', ckpt, '--stop-after', '5']),
    );
    expect(b.code).toBe(130);
    const sb = JSON.parse(b.out) as TrainSummary;
    expect(sb).toMatchObject({ interrupted: true, steps: 5, checkpoint: ckpt });
    expect(existsSync(resumed)).toBe(false);
    const c = await captured(() =>
      trainCommand(['--data', 'fashion-mnist', '--resume', ckpt, '--out', resumed, '--json']),
    );
    expect(c.code).toBe(0);
    const sc = JSON.parse(c.out) as TrainSummary;
    expect([...sb.losses, ...sc.losses]).toEqual(sa.losses);
    expect(await readFile(resumed)).toEqual(await readFile(whole));

    const meta = readMetadata(new Uint8Array(await readFile(whole)));
    expect(meta['depthwise.model']).toBe('tiny.json');
    expect(meta['depthwise.seed']).toBe('3');
    expect(meta['depthwise.epoch']).toBe('2');
    expect(JSON.parse(meta['depthwise.recipe'])).toMatchObject({
      epochs: 2,
      batch: 16,
      optimizer: { kind: 'adamw' },
      augment: { pad: 2, flip: true },
    });
    expect(JSON.parse(meta['depthwise.data'])).toEqual({
      name: 'fashion-mnist',
      split: 'train',
      images: 96,
      limit: 96,
    });
    expect(JSON.parse(meta['depthwise.preprocessing'])).toMatchObject({
      resolution: 16,
      channels: 1,
      mean: 0.286,
      std: 0.353,
    });
  }, 300_000);

  it('the trained file runs in onnxruntime-web like in the engine, at any batch', async () => {
    const bytes = new Uint8Array(await readFile(join(dir, 'whole.onnx')));
    const { graph } = readTrained(bytes);
    const x = f32(
      [3, 1, 16, 16],
      Float32Array.from({ length: 3 * 256 }, (_, i) => Math.sin(i * 0.37)),
    );
    const ours = (await ortRun(await ortSession(bytes), { input: x }))[graph.outputs[0].name];
    const { withBatchDim } = await import('~/lib/train/model.ts');
    const engine = runGraph(withBatchDim(graph, 'N'), { input: x })[graph.outputs[0].name];
    expect(ours.dims).toEqual([3, 10]);
    const e = [...engine.data];
    [...ours.data].forEach((v, i) => expect(Math.abs(v - e[i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
  }, 60_000);

  it('eval prints accuracy (a fraction), per-class accuracy and the confusion matrix', async () => {
    const model = join(dir, 'whole.onnx');
    const j = await captured(() => evalCommand([model, '--data', 'fashion-mnist', '--limit', '200', '--json']));
    expect(j.code).toBe(0);
    const r = JSON.parse(j.out) as {
      accuracy: number;
      correct: number;
      images: number;
      perClass: (number | null)[];
      confusion: number[][];
    };
    expect(r.images).toBe(200);
    expect(r.accuracy).toBe(r.correct / 200);
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
    expect(r.confusion.reduce((s, row, i) => s + row[i], 0)).toBe(r.correct);
    // 2 epochs on 96 images is far from trained, but above chance (10 %).
    expect(r.accuracy).toBeGreaterThan(0.15);
    const t = await captured(() => evalCommand([model, '--data', 'fashion-mnist', '--limit', '200']));
    expect(t.out).toMatch(/accuracy [\d.]+ % \(\d+ of 200\)/);
    expect(t.out).toMatch(/9 Ankle boot/);
    expect(t.out).toMatch(/confusion matrix \(rows: true class, columns: predicted\)/);
  }, 120_000);

  it('training continues from a trained .onnx file (fine-tuning: its weights, a new recipe)', async () => {
    const ft = join(dir, 'ft.onnx');
    const r = await captured(() =>
      trainCommand([
        join(dir, 'whole.onnx'),
        '--data',
        'fashion-mnist',
        '--limit',
        '32',
        '--batch',
        '16',
        '--out',
        ft,
        '--json',
      ]),
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as TrainSummary).steps).toBe(2);
    const meta = readMetadata(new Uint8Array(await readFile(ft)));
    expect(meta['depthwise.model']).toBe('whole.onnx');
    expect(JSON.parse(meta['depthwise.preprocessing'])).toMatchObject({ resolution: 16, channels: 1 });
  }, 120_000);

  it('a tiny EfficientNet (zoo id scaled by a spec file) trains at --res 32', async () => {
    const small = join(dir, 'effnet.json');
    await writeFile(small, JSON.stringify({ base: 'efficientnet_b0', width: 0.25, depth: 0.25 }));
    const r = await captured(() =>
      trainCommand([
        small,
        '--data',
        'fashion-mnist',
        '--res',
        '32',
        '--limit',
        '32',
        '--batch',
        '16',
        '--out',
        join(dir, 'e.onnx'),
        '--json',
      ]),
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as TrainSummary).losses.every(Number.isFinite)).toBe(true);
  }, 120_000);

  it('gives clear messages for bad input', async () => {
    expect((await captured(() => trainCommand([spec, '--res', '16']))).err).toMatch(/--data fashion-mnist is required/);
    expect((await captured(() => trainCommand([spec, '--data', 'fashion-mnist', '--opt', 'lbfgs']))).err).toMatch(
      /--opt is sgd or adamw, got 'lbfgs'/,
    );
    expect((await captured(() => trainCommand(['nonet_100', '--data', 'fashion-mnist']))).err).toMatch(
      /unknown model 'nonet_100'/,
    );
    expect(
      (
        await captured(() =>
          trainCommand(['--data', 'fashion-mnist', '--resume', join(dir, 'ck.onnx'), '--no-augment', '--lr', '1']),
        )
      ).err,
    ).toMatch(/drop --lr, --no-augment/);
    process.env.DEPTHWISE_FASHION_MNIST_DIR = join(dir, 'none');
    try {
      const m = await captured(() => trainCommand([spec, '--data', 'fashion-mnist', '--res', '16']));
      expect(m.code).toBe(1);
      expect(m.err).toMatch(/Fashion-MNIST is not installed.*apt-get install -y dataset-fashion-mnist/s);
    } finally {
      delete process.env.DEPTHWISE_FASHION_MNIST_DIR;
    }
  });

  it('Ctrl-C (SIGINT) to a running `depthwise train` writes a checkpoint that --resume accepts', async () => {
    const ckpt = join(dir, 'sig.ckpt.onnx');
    const child = spawn(
      process.execPath,
      [
        'bin/depthwise.mjs',
        'train',
        spec,
        '--data',
        'fashion-mnist',
        '--res',
        '16',
        '--limit',
        '64',
        '--batch',
        '16',
        '--epochs',
        '50',
        '--checkpoint',
        ckpt,
        '--out',
        join(dir, 'sig.onnx'),
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const started = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/step \d+\/200/.test(err)) resolve();
      }),
    );
    await started;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    const s = JSON.parse(out) as TrainSummary;
    expect(s.interrupted).toBe(true);
    expect(s.steps).toBeGreaterThan(0);
    expect(s.steps).toBeLessThan(200);
    const back = readTrained(new Uint8Array(await readFile(ckpt)));
    expect(back.state!.step).toBe(s.steps);
    expect(err).toMatch(/continue with: depthwise train --data fashion-mnist --resume/);
  }, 120_000);
});
