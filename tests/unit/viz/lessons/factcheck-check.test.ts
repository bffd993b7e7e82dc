import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mobilenetV1ByHand } from '../../../fixtures/paper-tables.ts';
import { getModel } from '~/lib/models/index.ts';
import type { CheckedClaim } from '~/lib/viz/lessons/factcheck-check.ts';
import { CLAIMS, checkAll, checkClaim, verdictCounts } from '~/lib/viz/lessons/factcheck-check.ts';

// The overview the site was built from; the quotes are checked against it when it is present.
const SEED = ['../shared/seed', '../../shared/seed']
  .map((p) => resolve(p, '000_59c735923d0350fc.txt'))
  .find(existsSync);

let rows: readonly CheckedClaim[];
const byId = (id: string): CheckedClaim => {
  const r = rows.find((x) => x.claim.id === id);
  if (!r) throw new Error(`no claim ${id}`);
  return r;
};

beforeAll(() => {
  rows = checkAll();
}, 120_000);

describe('the claims as data', () => {
  it('has unique ids', () => {
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
  });

  it('prints each figure inside its quote', () => {
    for (const c of CLAIMS) if (c.type === 'figure') expect(c.quote, c.id).toContain(c.printed);
  });

  it.skipIf(!SEED)('quotes the overview exactly, on the line it names', () => {
    const lines = readFileSync(SEED!, 'utf8').split('\n');
    for (const c of CLAIMS) expect(lines[c.line - 1], `${c.id} (line ${c.line})`).toContain(c.quote);
  });

  it('names only models the zoo has', () => {
    for (const c of CLAIMS) for (const m of c.models) expect(() => getModel(m), `${c.id}: ${m}`).not.toThrow();
  });
});

describe('computed values against independent counts', () => {
  it('counts MobileNetV1 as its Table 1 does by hand', () => {
    const hand = mobilenetV1ByHand();
    expect(byId('compare-params-mobilenet').ours?.value).toBe(hand.params);
    expect(byId('compare-flops-mobilenet').ours?.value).toBe(2 * hand.macs);
  });

  it('matches the exact published integer of every model that has one', () => {
    let n = 0;
    for (const r of rows) {
      const c = r.claim;
      if (c.type !== 'figure' || c.kind !== 'params' || !c.model) continue;
      const exact = getModel(c.model).exactParams;
      if (!exact) continue;
      expect(r.ours?.value, c.id).toBe(exact.value);
      n++;
    }
    expect(n).toBeGreaterThan(20);
  });

  it('sizes fp32 weights at 4 bytes per torchvision-counted parameter', () => {
    // torchvision mobilenet_v3_large num_params = 5,483,032; tf_efficientnetv2_s (efficientnet_v2_s) = 21,458,488.
    expect(byId('size-mb-mobilenet-v3-large').ours?.value).toBeCloseTo((4 * 5_483_032) / 1e6, 9);
    expect(byId('size-mb-efficientnetv2-s').ours?.value).toBeCloseTo((4 * 21_458_488) / 1e6, 9);
  });

  it("reads the papers' figures from the zoo's citations", () => {
    expect(byId('mobilenet-top1').paper?.value).toBe(70.6);
    expect(byId('effnet-top1').paper?.value).toBe(84.3);
    expect(byId('compare-params-mnasnet').paper?.value).toBeCloseTo(3.9e6, 0);
    expect(byId('mobilenet-year').paper?.value).toBe(2017);
  });
});

describe('verdicts', () => {
  const expected: Record<string, string> = {
    'compare-params-mobilenet': 'correct',
    'compare-params-mnasnet': 'wrong',
    'compare-params-efficientnet': 'wrong',
    'compare-params-efficientnetv2': 'wrong',
    'compare-flops-mobilenet': 'wrong',
    'compare-flops-efficientnetv2': 'wrong',
    'mnasnet-top1': 'misleading',
    'effnet-top1': 'wrong',
    'v2-top1': 'wrong',
    'v3-rumour': 'unverifiable',
    'size-params-mobilenet-v3-small': 'wrong',
    'size-params-mobilenet-v3-medium': 'wrong',
    'timm-params-tf-mobilenetv3-large-100-in1k': 'wrong',
    'timm-params-tf-mobilenetv3-large-minimal-100-in1k': 'correct',
    'timm-params-tf-efficientnetv2-xl-in21k': 'correct',
    'timm-train-efficientnetv2-rw-s-ra2-in1k': 'unverifiable',
  };
  it.each(Object.entries(expected))('%s is %s', (id, verdict) => {
    expect(byId(id).verdict).toBe(verdict);
  });

  it('finds every size-table figure wrong and every other timm row right', () => {
    for (const r of rows.filter((x) => x.claim.section === 'size')) expect(r.verdict, r.claim.id).toBe('wrong');
    const timm = rows.filter((x) => x.claim.section === 'timm' && x.claim.id.startsWith('timm-params'));
    expect(timm.filter((r) => r.verdict === 'wrong').map((r) => r.claim.id)).toEqual([
      'timm-params-tf-mobilenetv3-large-100-in1k',
    ]);
  });

  it('gives every wrong or misleading claim a cause', () => {
    for (const r of rows) if (r.verdict !== 'correct') expect(r.cause, r.claim.id).toBeTruthy();
  });

  it('names the model a copied figure came from', () => {
    expect(byId('compare-params-mnasnet').cause).toMatch(/Mnas-small/);
    expect(byId('timm-params-tf-mobilenetv3-large-100-in1k').cause).toMatch(/minimal/);
    expect(byId('size-params-efficientnetv2-b0').cause).toMatch(/EfficientNet-B0/);
  });

  it('calls multiply-adds printed as FLOPs misleading, not correct, and twice them correct', () => {
    const c = CLAIMS.find((x) => x.id === 'compare-flops-mobilenet')!;
    if (c.type !== 'figure') throw new Error('figure expected');
    expect(checkClaim({ ...c, printed: '569M', quote: '569M' }).verdict).toBe('misleading');
    expect(checkClaim({ ...c, printed: '1.14G', quote: '1.14G' }).verdict).toBe('correct');
  });

  it('changes its verdict when a figure moves out of rounding', () => {
    const c = CLAIMS.find((x) => x.id === 'compare-params-mobilenet')!;
    if (c.type !== 'figure') throw new Error('figure expected');
    expect(checkClaim({ ...c, printed: '4.3M', quote: '4.3M' }).verdict).toBe('wrong');
  });

  it('counts the verdicts', () => {
    const n = verdictCounts(rows);
    expect(n.correct + n.wrong + n.misleading + n.unverifiable).toBe(CLAIMS.length);
    expect(n.wrong).toBeGreaterThanOrEqual(30);
  });
});
