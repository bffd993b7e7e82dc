/**
 * `depthwise summary --json` and /explore/'s summary (exploreModel, what the page's worker runs)
 * agree number for number on the same files: every /explore/ sample and lesson block, and the
 * layer table's per-node MACs and params sum to the same totals.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { run as summaryCommand } from '~/cli/commands/summary.ts';
import { exploreModel } from '~/lib/viz/debugger/explore-summary.ts';

const models = fileURLToPath(new URL('../../../public/models/', import.meta.url));

async function cliJson(file: string): Promise<{
  params: number;
  macs: number;
  flops: number;
  activationBytes: number;
  peakLiveBytes: number;
  layers: { node: string; macs: number; params: number }[];
}> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    expect(await summaryCommand([file, '--json'])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(lines.join('\n'));
}

describe('depthwise summary and /explore/ agree', () => {
  const files = [
    ...(JSON.parse(readFileSync(`${models}explore/manifest.json`, 'utf8')) as { file: string }[]).map((m) => m.file),
    ...(JSON.parse(readFileSync(`${models}manifest.json`, 'utf8')) as { file: string }[]).map((m) => m.file),
  ];
  it.each(files)('%s', async (file) => {
    const path = `${models}${file}`;
    const cli = await cliJson(path);
    const r = exploreModel(new Uint8Array(readFileSync(path)), file);
    const a = r.summary.analysis!;
    expect({
      params: a.params,
      macs: a.macs,
      flops: a.flops,
      activationBytes: a.activationBytes,
      peakLiveBytes: a.peakLiveBytes,
    }).toEqual({
      params: cli.params,
      macs: cli.macs,
      flops: cli.flops,
      activationBytes: cli.activationBytes,
      peakLiveBytes: cli.peakLiveBytes,
    });
    expect(r.metrics!.map(([n, m]) => [n, Number(m.macs), Number(m.params)])).toEqual(
      cli.layers.map((l) => [l.node, l.macs, l.params]),
    );
    expect(r.table!.totals.macs).toBe(cli.macs);
    expect(r.table!.totals.params).toBe(cli.params);
  });
});
