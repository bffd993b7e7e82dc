/**
 * `<search-space>`: the reader picks a stage of MnasNet-A1 (the kit's controls, kept in the URL as
 * ?ss-stage=…) and changes its choices; the zoo's
 * builder and the engine (loaded on the first change) recount params and MACs per stage. Picks the
 * builder cannot make (the pooling skip, SE on a plain conv) get a message instead of a number.
 */
import { bindControls } from '~/components/kit/controls-client.ts';
import type { StageInfo, StagePick } from '~/lib/viz/lessons/mnasnet-space.ts';
import { formatCompact, formatInt } from '~/lib/viz/charts/number-format.ts';

type Space = typeof import('~/lib/viz/lessons/mnasnet-space.ts');
let space: Promise<Space> | undefined;
const OP_LABEL: Record<string, string> = {
  conv: 'conv',
  dconv: 'dconv (depthwise separable)',
  mbconv3: 'MBConv, expansion 3',
  mbconv6: 'MBConv, expansion 6',
};
const FIELDS = ['op', 'kernel', 'se', 'skip', 'filters', 'layers'] as const;

class SearchSpace extends HTMLElement {
  private stages: StageInfo[] = [];
  private picks: StagePick[] = [];
  private seq = 0;

  connectedCallback(): void {
    const controls = this.querySelector<HTMLElement>('.ss-controls');
    const stageForm = this.querySelector<HTMLFormElement>('form.ss-stage');
    const picksForm = this.querySelector<HTMLFormElement>('form.ss-picks');
    if (!controls || !stageForm || !picksForm) return;
    controls.hidden = false;
    this.stages = (JSON.parse(this.dataset.state ?? '{}') as { stages: StageInfo[] }).stages;
    this.picks = this.stages.map((s) => s.a1);
    // The picks' filter and layer options change with the stage, so they are read here as the
    // selects hold them, not through the specs <Controls> rendered for the first stage.
    picksForm.addEventListener('submit', (e) => e.preventDefault());
    picksForm.addEventListener('input', () => void this.change());
    controls.querySelector('[name="reset"]')!.addEventListener('click', () => {
      this.picks = this.stages.map((s) => s.a1);
      this.showStage();
      void this.recount();
    });
    this.showStage();
    bindControls(stageForm, () => this.showStage());
  }

  private sel(name: string): HTMLSelectElement {
    return this.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  }

  private stage(): number {
    return Number(this.sel('stage').value);
  }

  private showStage(): void {
    const i = this.stage();
    const s = this.stages[i];
    const p = this.picks[i];
    this.sel('filters').replaceChildren(
      ...s.filterOptions.map((f) => new Option(`${f} (× ${+(f / s.refFilters).toFixed(3)})`, String(f))),
    );
    this.sel('layers').replaceChildren(
      ...s.layerOptions.map(
        (n) => new Option(`${n} (${n - s.refLayers >= 0 ? '+' : '−'}${Math.abs(n - s.refLayers)})`, String(n)),
      ),
    );
    for (const f of FIELDS) this.sel(f).value = String(p[f]);
    this.querySelectorAll('tr[data-stage]').forEach((tr) =>
      tr.classList.toggle('ss-selected', Number((tr as HTMLElement).dataset.stage) === i),
    );
  }

  private async change(): Promise<void> {
    const i = this.stage();
    this.picks[i] = {
      op: this.sel('op').value as StagePick['op'],
      kernel: Number(this.sel('kernel').value),
      se: Number(this.sel('se').value),
      skip: this.sel('skip').value as StagePick['skip'],
      filters: Number(this.sel('filters').value),
      layers: Number(this.sel('layers').value),
    };
    await this.recount();
  }

  private async recount(): Promise<void> {
    const n = ++this.seq;
    const status = this.querySelector('.ss-status')!;
    space ??= import('~/lib/viz/lessons/mnasnet-space.ts');
    const m = await space;
    if (n !== this.seq) return;
    const bad = this.picks.map((p, i) => [i, m.unbuildable(p)] as const).find(([, why]) => why !== null);
    this.querySelectorAll<HTMLTableRowElement>('tr[data-stage]').forEach((tr, i) => {
      const p = this.picks[i];
      const a = this.stages[i].a1;
      const text: Record<(typeof FIELDS)[number], string> = {
        op: OP_LABEL[p.op],
        kernel: `${p.kernel}×${p.kernel}`,
        se: p.se === 0 ? 'none' : String(p.se),
        skip: p.skip,
        filters: `${p.filters} (${this.stages[i].refFilters})${m.offGrid(this.stages[i]) && p.filters === a.filters ? ' *' : ''}`,
        layers: `${p.layers} (${this.stages[i].refLayers})`,
      };
      for (const f of FIELDS) {
        const td = tr.querySelector<HTMLElement>(`[data-cell="${f}"]`)!;
        td.textContent = text[f];
        td.classList.toggle('ss-changed', p[f] !== a[f]);
      }
    });
    if (bad) {
      status.textContent = `Stage ${bad[0] + 1}: ${bad[1]}. Pick another option to count this model.`;
      this.dataset.buildable = 'false';
      return;
    }
    const c = m.stageCosts(m.specWith(this.picks));
    this.querySelectorAll<HTMLTableRowElement>('tr[data-stage]').forEach((tr, i) => {
      tr.querySelector('[data-cell="params"]')!.textContent = formatInt(c.stages[i].params);
      tr.querySelector('[data-cell="macs"]')!.textContent = formatCompact(c.stages[i].macs);
    });
    this.querySelector('[data-out="params"]')!.textContent = formatInt(c.params);
    this.querySelector('[data-out="macs"]')!.textContent = formatCompact(c.macs);
    const same = this.picks.every((p, i) => m.samePick(p, this.stages[i].a1));
    status.textContent = same
      ? 'MnasNet-A1 as released.'
      : `Your variant: ${formatInt(c.params)} params, ${formatCompact(c.macs)} MACs.`;
    this.dataset.buildable = 'true';
    this.dataset.params = String(c.params);
    this.dataset.macs = String(c.macs);
  }
}

if (!customElements.get('search-space')) customElements.define('search-space', SearchSpace);
