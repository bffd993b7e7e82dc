/**
 * <trained-debugger>: the trained model's debugger page. Loads the bundled test images, lets the
 * reader pick one (a strip per class) or draw, opens the trained ONNX in the debugger's worker and
 * drives the shared Stepper; shows top-5 and the true label, Grad-CAM through the engine's
 * backward pass, and the SE gates of image A against image B.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { ModelSource } from '~/components/runtime/protocol.ts';
import { trainedInput } from '~/lib/data/debug-samples.ts';
import type { Preprocessing } from '~/lib/family/manifest.ts';
import { gradCam } from '~/lib/viz/debugger/grad-cam.ts';
import { topPredictions, type Prediction } from '~/lib/viz/debugger/predictions.ts';
import { gateRows } from '~/lib/viz/debugger/se-gates.ts';
import { backwardView } from './backward-view.ts';
import { h } from './dom.ts';
import { followTheme, paintThemed, themePalette } from './palette.ts';
import { Stepper } from './stepper.ts';
import { wireDrawPad, wireUpload } from './trained-own-input.ts';
import { grayCanvas, loadSampleSet, pixelsOf, type SampleSet } from './trained-samples.ts';
import { chosenView, gatesView, gradCamView, type Chosen } from './trained-views.ts';
import { fetchChecked, preprocessView } from './trained-file.ts';
import { wireStepActions } from './step-actions.ts';

interface Config {
  id: string;
  sha256: string;
  seed: number;
  url: string;
  classesUrl: string;
  classes: string[];
  preprocessing: Preprocessing;
  samples: { images: string; index: string };
  camLayers: string[];
  se: { block: string; gate: string }[];
  /** Every trained seed of this model: its file and test accuracy. */
  runs: { seed: number; url: string; sha256: string; accuracy: number }[];
  /** Blocks the backward explain view covers. */
  blocks: string[];
}

class TrainedDebugger extends HTMLElement {
  private cfg!: Config;
  private stepper?: Stepper;
  private set: SampleSet | null = null;
  private chosen: Chosen | null = null;
  private preds: Prediction[] | null = null;
  private bytes: ArrayBuffer | null = null;

  /** The model file, fetched once and checked against the manifest's sha256. */
  private async fetchModel(): Promise<void> {
    this.bytes ??= await fetchChecked(this.cfg.url, this.cfg.sha256);
  }

  connectedCallback(): void {
    if (this.stepper) return;
    this.cfg = JSON.parse(this.dataset.config ?? '{}') as Config;
    this.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => (el.hidden = false));
    const c = this.cfg;
    const params = new URLSearchParams(location.search);
    this.setSeed(Number(params.get('seed') ?? c.seed));
    const block = this.q<HTMLSelectElement>('[data-dbg="back-block"]');
    if (block && c.blocks.includes(params.get('block') ?? '')) block.value = params.get('block')!;
    const fileBytes = (): ArrayBuffer => this.bytes ?? new ArrayBuffer(0);
    const st = new Stepper(this, {
      // The file's bytes (fetched and checked on "Load model") with the static input shape the
      // manifest gives: the trained files keep a symbolic batch for other runtimes.
      get source(): ModelSource {
        const p = c.preprocessing;
        return {
          kind: 'bytes',
          bytes: fileBytes(),
          name: c.url,
          inputShapes: { [p.input]: [1, p.channels, p.resolution, p.resolution] },
        };
      },
      classes: {
        count: c.classes.length,
        url: c.classesUrl,
        listName: 'Fashion-MNIST (Xiao et al. 2017)',
        trained: true,
      },
      makeInput: async (dims) => this.input(dims),
      preprocessView: () => this.preprocessView(),
    });
    this.stepper = st;
    st.status(
      'Choose a test image (or draw one), then press “Load model” to run the trained weights in a background worker.',
    );
    this.wire(st);
    void this.loadSamples();
  }

  private q<T extends HTMLElement = HTMLElement>(sel: string): T | null {
    return this.querySelector<T>(sel);
  }

  private async loadSamples(): Promise<void> {
    try {
      this.set = await loadSampleSet(this.cfg.samples);
    } catch (e) {
      this.stepper!.status(e instanceof Error ? e.message : String(e), 'error');
      return;
    }
    const want = Number(new URLSearchParams(location.search).get('img') ?? 0);
    const k = Number.isInteger(want) && want >= 0 && want < this.set.index.indices.length ? want : 0;
    this.showClass(this.set.index.labels[k]);
    this.fillImageB();
    this.pick(k);
  }

  private showClass(cls: number): void {
    const set = this.set!;
    this.querySelectorAll<HTMLInputElement>('input[name="tdbg-class"]').forEach(
      (r) => (r.checked = Number(r.value) === cls),
    );
    const strip = this.q('[data-dbg="strip"]')!;
    strip.setAttribute('aria-label', `Test images of class ${this.cfg.classes[cls]}`);
    strip.replaceChildren(
      ...set.index.indices.flatMap((ti, k) => {
        if (set.index.labels[k] !== cls) return [];
        const b = h('button', {
          type: 'button',
          class: 'tdbg-thumb',
          'data-sample': k,
          'aria-label': `${this.cfg.classes[cls]}, test image ${ti}`,
        });
        b.append(grayCanvas(pixelsOf(set, k)));
        return [b];
      }),
    );
  }

  private fillImageB(): void {
    const sel = this.q<HTMLSelectElement>('[data-dbg="se-b"]');
    if (!sel || !this.set) return;
    const { index } = this.set;
    sel.replaceChildren(
      ...this.cfg.classes.map((name, cls) => {
        const g = document.createElement('optgroup');
        g.label = name;
        index.indices.forEach(
          (ti, k) => index.labels[k] === cls && g.append(new Option(`${name}, test image ${ti}`, String(k))),
        );
        return g;
      }),
    );
  }

  /** Chooses bundled image k as the input (and image B: the first image of the next class). */
  private pick(k: number): void {
    const set = this.set!;
    const label = set.index.labels[k];
    this.choose({
      pixels: pixelsOf(set, k),
      title: `${this.cfg.classes[label]}, test image ${set.index.indices[k]}`,
      label,
    });
    this.querySelectorAll<HTMLElement>('.tdbg-thumb').forEach((b) =>
      b.setAttribute('aria-pressed', String(Number(b.dataset.sample) === k)),
    );
    const sel = this.q<HTMLSelectElement>('[data-dbg="se-b"]');
    if (sel) sel.value = String(set.index.labels.findIndex((l) => l === (label + 1) % this.cfg.classes.length));
    this.urlSet('img', String(k));
  }

  private urlSet(key: string, value: string | null): void {
    const url = new URL(location.href);
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
    history.replaceState(null, '', url);
  }

  /** Switches to the run trained with `seed` (reloading the model if one is open). */
  private setSeed(seed: number): void {
    const r = this.cfg.runs.find((x) => x.seed === seed);
    this.querySelectorAll<HTMLInputElement>('input[name="tdbg-seed"]').forEach(
      (x) => (x.checked = Number(x.value) === (r?.seed ?? this.cfg.seed)),
    );
    if (!r || r.url === this.cfg.url) return;
    Object.assign(this.cfg, { url: r.url, sha256: r.sha256, seed: r.seed });
    this.bytes = null;
    this.urlSet('seed', String(r.seed));
    if (this.stepper?.opened) void this.load();
  }

  private async backward(): Promise<void> {
    const out = this.q('[data-dbg="backward"]');
    await this.guarded(out, async () => {
      const block = this.q<HTMLSelectElement>('[data-dbg="back-block"]')!.value;
      const c = this.chosen!;
      const label = c.label ?? this.preds?.[0]?.index ?? 0;
      this.urlSet('block', block);
      out?.replaceChildren(h('p', { class: 'muted' }, `Running forward and backward to ${block}…`));
      const { result } = await this.stepper!.client.one({ type: 'backward', block, label }, 'backward');
      const formula = (key: string): Node | null =>
        this.q<HTMLTemplateElement>(`template[data-formula="${key}"]`)?.content.cloneNode(true) ?? null;
      const width = Math.min(560, out?.clientWidth || 320);
      const against = c.label === undefined ? 'predicted class' : 'true label';
      if (out) {
        const palette = themePalette(out);
        const view = backwardView({ result, classes: this.cfg.classes, against, palette, width, formula });
        out.replaceChildren(view.el);
        followTheme(out, view.repaint);
      }
    });
  }

  private choose(c: Chosen): void {
    this.chosen = c;
    this.preds = null;
    this.q('[data-dbg="gradcam"]')?.replaceChildren();
    this.q('[data-dbg="backward"]')?.replaceChildren();
    this.q('[data-dbg="gates"]')?.replaceChildren();
    this.renderChosen();
    const st = this.stepper!;
    if (st.opened && !this.hasAttribute('data-busy')) void st.refeed().then(() => this.predict());
    else st.status(`Input: ${c.title}. Press “Load model” to run it.`);
  }

  private renderChosen(): void {
    if (this.chosen)
      this.q('[data-dbg="chosen"]')!.replaceChildren(chosenView(this.chosen, this.cfg.classes, this.preds));
  }

  private tensorOf(pixels: Uint8Array): Tensor {
    const p = this.cfg.preprocessing;
    return { dtype: 'float32', dims: [1, p.channels, p.resolution, p.resolution], data: trainedInput(pixels, p) };
  }

  private input(dims: readonly number[]): Tensor {
    if (!this.chosen) throw new Error('the test images are not loaded yet');
    const t = this.tensorOf(this.chosen.pixels);
    if (dims.length !== 4 || dims.some((d, i) => d !== t.dims[i]))
      throw new Error(`the model's input is [${dims.join(', ')}] but its manifest says [${t.dims.join(', ')}]`);
    return t;
  }

  private preprocessView(): HTMLElement | null {
    return this.chosen ? preprocessView(this.chosen, this.cfg.preprocessing) : null;
  }

  private async predict(): Promise<void> {
    const st = this.stepper!;
    if (!st.opened || !this.chosen) return;
    const logits = st.nodes.at(-1)!.outputs[0];
    const { values } = await st.client.one(
      { type: 'probe', inputs: [this.tensorOf(this.chosen.pixels)], names: [logits] },
      'probed',
    );
    this.preds = topPredictions(values[0][logits].data, 5, this.cfg.classes);
    this.renderChosen();
  }

  private async guarded(out: HTMLElement | null, fn: () => Promise<void>): Promise<void> {
    if (this.hasAttribute('data-busy') || !this.stepper?.opened) return;
    this.toggleAttribute('data-busy', true);
    try {
      await fn();
    } catch (e) {
      out?.replaceChildren(h('p', { class: 'dbg-error' }, e instanceof Error ? e.message : String(e)));
    } finally {
      this.toggleAttribute('data-busy', false);
    }
  }

  private async gradcam(): Promise<void> {
    const out = this.q('[data-dbg="gradcam"]');
    await this.guarded(out, async () => {
      const layer = this.q<HTMLSelectElement>('[data-dbg="cam-layer"]')!.value;
      const choice = this.q<HTMLSelectElement>('[data-dbg="cam-class"]')!.value;
      const cls = choice === 'top' ? (this.preds?.[0]?.index ?? 0) : Number(choice);
      out?.replaceChildren(h('p', { class: 'muted' }, 'Running forward and backward…'));
      const r = await this.stepper!.client.one({ type: 'gradcam', value: layer, classIndex: cls }, 'gradcam');
      const cam = gradCam(r.activation, r.gradient);
      const p = topPredictions(r.logits.data, this.cfg.classes.length).find((x) => x.index === cls)!;
      const shown = {
        pixels: this.chosen!.pixels,
        className: this.cfg.classes[cls],
        layer,
        channels: r.activation.dims[1],
        probability: p.probability,
      };
      if (out) paintThemed(out, (palette) => out.replaceChildren(gradCamView(cam, shown, palette)));
    });
  }

  private async gates(): Promise<void> {
    const out = this.q('[data-dbg="gates"]');
    await this.guarded(out, async () => {
      const set = this.set!;
      const b = Number(this.q<HTMLSelectElement>('[data-dbg="se-b"]')!.value);
      const names = this.cfg.se.map((s) => s.gate);
      const { values } = await this.stepper!.client.one(
        { type: 'probe', inputs: [this.tensorOf(this.chosen!.pixels), this.tensorOf(pixelsOf(set, b))], names },
        'probed',
      );
      const rows = gateRows(this.cfg.se, values[0], values[1]);
      const bName = `${this.cfg.classes[set.index.labels[b]]}, test image ${set.index.indices[b]}`;
      const titles = { a: this.chosen!.title, b: bName };
      if (out) paintThemed(out, (palette) => out.replaceChildren(gatesView(rows, titles, palette)));
    });
  }

  /** Fetches the chosen seed's file, opens it in the worker and predicts the chosen image. */
  private async load(): Promise<void> {
    const st = this.stepper!;
    try {
      await this.fetchModel();
    } catch (e) {
      st.status(e instanceof Error ? e.message : String(e), 'error');
      return;
    }
    await st.start();
    if (!st.opened) return;
    this.q('[data-act="start"]')!.textContent = 'Reload model';
    this.querySelectorAll<HTMLButtonElement>(
      '[data-goto], [data-act="gradcam"], [data-act="gates"], [data-act="backward"]',
    ).forEach((b) => (b.disabled = false));
    await this.predict();
    this.dataset.loadedSeed = String(this.cfg.seed);
    if (new URLSearchParams(location.search).has('block') && this.q('[data-dbg="back-block"]')) await this.backward();
  }

  private wire(st: Stepper): void {
    wireStepActions(this, st, {
      start: () => this.load(),
      gradcam: () => this.gradcam(),
      gates: () => this.gates(),
      backward: () => this.backward(),
    });
    this.querySelectorAll<HTMLInputElement>('input[name="tdbg-seed"]').forEach((r) =>
      r.addEventListener('change', () => r.checked && !this.hasAttribute('data-busy') && this.setSeed(Number(r.value))),
    );
    this.addEventListener('dbg-cancelled', () => {
      this.querySelectorAll<HTMLButtonElement>(
        '[data-goto], [data-act="gradcam"], [data-act="gates"], [data-act="backward"], [data-act="next"], [data-act="prev"], [data-act="block"], [data-act="stage"], [data-act="end"], [data-act="reset"]',
      ).forEach((b) => (b.disabled = true));
      this.q('[data-act="start"]')!.textContent = 'Load model';
    });
    this.addEventListener('click', (e) => {
      const t = e.target as Element;
      const g = t.closest<HTMLButtonElement>('[data-goto]');
      if (g && st.opened && !this.hasAttribute('data-busy')) void st.goto(Number(g.dataset.goto));
      const s = t.closest<HTMLButtonElement>('[data-sample]');
      if (s && !this.hasAttribute('data-busy')) this.pick(Number(s.dataset.sample));
    });
    this.querySelectorAll<HTMLInputElement>('input[name="tdbg-class"]').forEach((r) =>
      r.addEventListener('change', () => r.checked && this.set && this.showClass(Number(r.value))),
    );
    this.addEventListener('keydown', (e) => {
      if (
        !st.opened ||
        this.hasAttribute('data-busy') ||
        (e.target as Element).closest('input, select, textarea, canvas')
      )
        return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        void st.move('node', e.key === 'ArrowRight' ? 1 : -1);
      }
    });
    const hooks = {
      choose: (c: Chosen) => {
        this.choose(c);
        this.querySelectorAll<HTMLElement>('.tdbg-thumb').forEach((b) => b.setAttribute('aria-pressed', 'false'));
        this.urlSet('img', null);
      },
      error: (m: string) => this.stepper!.status(m, 'error'),
      busy: () => this.hasAttribute('data-busy'),
    };
    wireDrawPad(this, hooks);
    wireUpload(this, hooks);
  }
}

if (!customElements.get('trained-debugger')) customElements.define('trained-debugger', TrainedDebugger);
