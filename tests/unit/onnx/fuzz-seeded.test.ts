/**
 * The CI slice of the fuzzer (scripts/fuzz.ts): 2,000 seeded structure-aware mutations of the
 * conformance models and public/models, each through import → analyze → run. Fails on any crash
 * (an error that is not a typed OnnxError/EngineError) and on any case slower than 2 s.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '~/lib/engine/onnx/fuzz/corpus.ts';
import { makeCase } from '~/lib/engine/onnx/fuzz/mutate.ts';
import { runCase } from '~/lib/engine/onnx/fuzz/outcome.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

describe('fuzz: 2,000 seeded cases', () => {
  it('refuses with a typed error or runs every case, none over 2 s', () => {
    const corpus = loadCorpus(repo);
    expect(corpus.length).toBeGreaterThan(200);
    const crashes: string[] = [];
    const slow: string[] = [];
    const kinds = { ran: 0, refused: 0, crash: 0 };
    for (let i = 0; i < 2000; i++) {
      const c = makeCase(corpus, 20260, i);
      const t0 = performance.now();
      const o = runCase(c.bytes);
      const ms = performance.now() - t0;
      kinds[o.kind]++;
      if (o.kind === 'crash') crashes.push(`#${i} ${c.seedName} [${c.edits.join(', ')}]: ${o.message}`);
      if (ms > 2000) slow.push(`#${i} ${c.seedName} [${c.edits.join(', ')}]: ${ms.toFixed(0)} ms`);
    }
    expect(crashes).toEqual([]);
    expect(slow).toEqual([]);
    // Both outcomes occur, so the mutations neither break every file nor leave them all valid.
    expect(kinds.ran).toBeGreaterThan(100);
    expect(kinds.refused).toBeGreaterThan(500);
  }, 120_000);
});
