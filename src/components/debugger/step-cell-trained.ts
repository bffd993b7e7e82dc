/**
 * The trained side of a lesson's step cell: the trained tiny model's file (fetched and checked
 * against the manifest's sha256 by the trained debugger's fetchChecked), the bundled Fashion-MNIST
 * test images (the trained debugger's loadSampleSet, one fetch shared by every cell of a page),
 * the strip of one image per class the reader picks from, the input preprocessed exactly as the
 * manifest says (trainedInput), and the model's prediction for it (a probe of the logits).
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { Preprocessing } from '~/lib/family/manifest.ts';
import { formatShare } from '~/lib/viz/charts/number-format.ts';
import type { ModelSource } from '~/components/runtime/protocol.ts';
import type { Stepper } from './stepper.ts';
import { grayCanvas, loadSampleSet, pixelsOf, type SampleSet } from './trained-samples.ts';

/**
 * What running the model needs (preprocessing, the checked fetch, the predictions), loaded on
 * "Load and step" only: a lesson page's JavaScript before any interaction stays within its budget
 * (tests/e2e/budget.mjs) with one or two cells on it.
 */
async function runParts() {
  const [data, file, preds] = await Promise.all([
    import('~/lib/data/debug-samples.ts'),
    import('./trained-file.ts'),
    import('~/lib/viz/debugger/predictions.ts'),
  ]);
  return {
    trainedInput: data.trainedInput,
    fetchChecked: file.fetchChecked,
    preprocessView: file.preprocessView,
    topPredictions: preds.topPredictions,
  };
}
type RunParts = Awaited<ReturnType<typeof runParts>>;

export interface TrainedCellConfig {
  readonly id: string;
  readonly seed: number;
  readonly url: string;
  readonly sha256: string;
  readonly classes: readonly string[];
  readonly preprocessing: Preprocessing;
  readonly samples: { readonly images: string; readonly index: string };
  /** The bundled image the cell starts on. */
  readonly image: number;
}

const sets = new Map<string, Promise<SampleSet>>();
function sampleSet(urls: TrainedCellConfig['samples']): Promise<SampleSet> {
  let p = sets.get(urls.images);
  if (!p) {
    p = loadSampleSet(urls);
    sets.set(urls.images, p);
    p.catch(() => sets.delete(urls.images));
  }
  return p;
}

export class TrainedCell {
  private bytes: ArrayBuffer | null = null;
  private set: SampleSet | null = null;
  private run: RunParts | null = null;
  k: number;

  constructor(
    private readonly root: HTMLElement,
    readonly cfg: TrainedCellConfig,
  ) {
    this.k = cfg.image;
  }

  /** The file's bytes with the static input shape the manifest gives (the files keep a symbolic batch). */
  get source(): ModelSource {
    const p = this.cfg.preprocessing;
    return {
      kind: 'bytes',
      bytes: this.bytes ?? new ArrayBuffer(0),
      name: this.cfg.url,
      inputShapes: { [p.input]: [1, p.channels, p.resolution, p.resolution] },
    };
  }

  /** Loads the test images and draws the strip's thumbnails. */
  async images(): Promise<void> {
    this.set = await sampleSet(this.cfg.samples);
    this.root.querySelectorAll<HTMLButtonElement>('[data-sample]').forEach((b) => {
      b.replaceChildren(grayCanvas(pixelsOf(this.set!, Number(b.dataset.sample))));
    });
  }

  /** Fetches (once) and checks the model file. */
  async fetchModel(): Promise<void> {
    this.run ??= await runParts();
    this.bytes ??= await this.run.fetchChecked(this.cfg.url, this.cfg.sha256);
  }

  private pixels(): Uint8Array {
    if (!this.set) throw new Error('the test images are not loaded yet');
    return pixelsOf(this.set, this.k);
  }

  private tensor(): Tensor {
    if (!this.run) throw new Error('the model is not loaded yet');
    const p = this.cfg.preprocessing;
    return {
      dtype: 'float32',
      dims: [1, p.channels, p.resolution, p.resolution],
      data: this.run.trainedInput(this.pixels(), p),
    };
  }

  async input(dims: readonly number[]): Promise<Tensor> {
    if (!this.set) await this.images();
    this.run ??= await runParts();
    const t = this.tensor();
    if (dims.length !== 4 || dims.some((d, i) => d !== t.dims[i]))
      throw new Error(`the model's input is [${dims.join(', ')}] but its manifest says [${t.dims.join(', ')}]`);
    return t;
  }

  preprocessView(): HTMLElement | null {
    if (!this.set || !this.run) return null;
    const label = this.set.index.labels[this.k];
    return this.run.preprocessView(
      {
        pixels: this.pixels(),
        title: `${this.cfg.classes[label]}, test image ${this.set.index.indices[this.k]}`,
        label,
      },
      this.cfg.preprocessing,
    );
  }

  /** Chooses bundled image k: the input line and the strip follow; the prediction is cleared. */
  choose(k: number): void {
    this.k = k;
    const b = this.root.querySelector<HTMLElement>(`[data-sample="${k}"]`);
    const q = (name: string) => this.root.querySelector<HTMLElement>(`[data-dbg="${name}"]`);
    if (b) {
      q('test-index')!.textContent = b.dataset.test ?? '';
      q('true-class')!.textContent = this.cfg.classes[Number(b.dataset.label)];
    }
    q('prediction')!.textContent = '';
    this.root
      .querySelectorAll<HTMLElement>('[data-sample]')
      .forEach((x) => x.setAttribute('aria-pressed', String(Number(x.dataset.sample) === k)));
  }

  /** The open model's top class for the chosen image, written after the true class. */
  async predict(st: Stepper): Promise<void> {
    if (!st.opened || !this.set || !this.run) return;
    const logits = st.nodes.at(-1)!.outputs[0];
    const { values } = await st.client.one({ type: 'probe', inputs: [this.tensor()], names: [logits] }, 'probed');
    const top = this.run.topPredictions(values[0][logits].data, 1, this.cfg.classes)[0];
    const label = this.set.index.labels[this.k];
    const el = this.root.querySelector<HTMLElement>('[data-dbg="prediction"]')!;
    el.textContent = ` · ${this.cfg.id} predicts ${top.name ?? top.index} (${formatShare(top.probability)})${top.index === label ? ', right' : ', wrong'}.`;
    el.dataset.predicted = String(top.index);
  }
}
