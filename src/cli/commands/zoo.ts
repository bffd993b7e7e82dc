/**
 * `depthwise zoo [--json]`: every zoo model with its computed params, MACs, layers and blocks,
 * beside the published figures it is checked against (cited, never used as its own numbers).
 */
import { MODELS, modelStats, type MacsReference, type ModelStats, type ZooEntry } from '../../lib/models/index.ts';
import { entryFigures, type EntryFigures } from '../../lib/viz/models/zoo-table.ts';

export const summary = 'list the model zoo: params, MACs, layers, blocks and cited published figures (--json, --time)';

/** The zoo table's figures, the entry's head and published figures, and the computed depth beside the references. */
type Row = EntryFigures &
  Pick<ZooEntry, 'headOf' | 'published'> &
  Pick<ModelStats, 'layers' | 'blocks' | 'stages'> & {
    reference: {
      params?: ZooEntry['exactParams'];
      timmParamsM?: number;
      /** The MACs reference and the computed MACs' relative difference from it. */
      macs?: MacsReference & { delta: number };
    };
  };

function rowOf(m: ZooEntry): Row {
  const s = modelStats(m.id);
  const r = m.macsReference;
  return {
    ...entryFigures(m, s),
    layers: s.layers,
    blocks: s.blocks,
    stages: s.stages,
    reference: {
      params: m.exactParams,
      timmParamsM: m.timmParamsM,
      macs: r ? { ...r, delta: (s.macs - r.value) / r.value } : undefined,
    },
    headOf: m.headOf,
    published: m.published,
  };
}

/** A short tag for the table; --json carries the full citation. */
function shortSource(source: string): string {
  if (source.startsWith('timm results/benchmark')) return 'timm profiler (2 decimals)';
  if (source.startsWith('torchvision'))
    return source.replace('torchvision weight metadata (num_params, _ops in GMACs)', 'torchvision');
  return source.split(' (')[0];
}

/**
 * Time to build and analyse every zoo model (declared weights): wall and CPU time, median of 7
 * runs after one cold run. CPU time is the steadier figure on a shared machine.
 */
function time(): number {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const m of MODELS) modelStats(m.id);
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]): number => [...xs.slice(1)].sort((a, b) => a - b)[3];
  console.log(
    `stats for ${MODELS.length} models: wall median ${median(wall).toFixed(1)} ms, CPU median ${median(cpu).toFixed(1)} ms (min wall ${Math.min(...wall.slice(1)).toFixed(1)} ms; cold first run ${wall[0].toFixed(1)} ms wall, ${cpu[0].toFixed(1)} ms CPU)`,
  );
  return 0;
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;

export async function run(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--json' && a !== '--time');
  if (unknown.length > 0) {
    console.error(`depthwise zoo: unknown argument ${unknown.join(' ')}\nusage: depthwise zoo [--json | --time]`);
    return 2;
  }
  if (args.includes('--time')) return time();
  const rows = MODELS.map(rowOf);
  if (args.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  const head = [
    'id',
    'family',
    'res',
    'classes',
    'params',
    'MMACs',
    'layers',
    'blocks',
    'ref params',
    'ref MMACs',
    'Δ MACs',
    'ref source',
  ];
  const table = rows.map((r) => {
    const paperParams = r.published.find((c) => c.params !== undefined)?.params;
    const refParams = r.reference.params
      ? r.reference.params.value.toLocaleString('en-US')
      : r.reference.timmParamsM !== undefined
        ? `${r.reference.timmParamsM.toFixed(2)} M`
        : paperParams !== undefined
          ? `${(paperParams / 1e6).toFixed(1)} M`
          : '';
    const m = r.reference.macs;
    const head = r.headOf ? `= ${r.headOf} + ${(r.numClasses - 1000).toLocaleString('en-US')} classes` : '';
    return [
      r.id,
      r.family,
      String(r.resolution),
      String(r.numClasses),
      r.params.toLocaleString('en-US'),
      (r.macs / 1e6).toFixed(1),
      String(r.layers),
      String(r.blocks),
      refParams,
      m ? (m.value / 1e6).toFixed(1) : '',
      m ? pct(m.delta) : '',
      m ? shortSource(m.source) : head,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const right = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const fmt = (cells: string[]): string =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(fmt(head));
  for (const t of table) console.log(fmt(t));
  console.log(
    '\nparams: PyTorch count (BN γ, β; running statistics excluded). MACs: conv + linear (+ attention matmuls), one image.',
  );
  console.log(
    "ref params: exact integer where published for the same architecture, else timm's two-decimal figure. Weights are untrained.",
  );
  return 0;
}
