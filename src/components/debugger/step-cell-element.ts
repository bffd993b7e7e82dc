/**
 * <step-cell>: the lesson cell's behaviour. Reads its config from data-config (written at build
 * time), reveals the controls, and on "Load and step" opens the model in the worker and steps
 * through the configured scope with the shared Stepper. A cell with a trained counterpart
 * (config.trained, see StepCell.astro) runs that trained model's file on a bundled Fashion-MNIST
 * test image the reader picks (step-cell-trained.ts); the others materialise the zoo's seeded
 * weights and feed a sample photograph. The Stepper (views, detail, worker client) is imported on
 * "Load and step": a lesson page's JavaScript before any interaction stays within its budget
 * (tests/e2e/budget.mjs), and nothing can step before the model is open anyway.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { ModelSource } from '~/components/runtime/protocol.ts';
import { loadImage, prepareImage, randomInput, sampleBatch, toCanvas } from './image-input.ts';
import { sampleByName } from './samples.ts';
import type { Stepper } from './stepper.ts';
import { TrainedCell, type TrainedCellConfig } from './step-cell-trained.ts';

interface CellConfig {
  source: ModelSource;
  scope?: string;
  input: string;
  inputKind: 'image' | 'random';
  inputDims: number[];
  trained?: TrainedCellConfig;
  /** The block's node range in a trained file (see StepperConfig.range). */
  range?: [number, number];
}

async function makeInput(cfg: CellConfig, dims: readonly number[]): Promise<Tensor> {
  if (cfg.inputKind === 'random') return randomInput(dims);
  const sample = sampleByName(cfg.input) ?? sampleByName('astronaut')!;
  const img = await loadImage(sample.url);
  return prepareImage(toCanvas(img, img.naturalWidth, img.naturalHeight), Number(dims[2])).tensor;
}

export class StepCellElement extends HTMLElement {
  private stepper?: Stepper;
  private loading?: Promise<Stepper>;
  private trained?: TrainedCell;
  private cfg!: CellConfig;
  private bound = false;

  connectedCallback(): void {
    if (this.bound) return;
    this.bound = true;
    const cfg = (this.cfg = JSON.parse(this.dataset.config ?? '{}') as CellConfig);
    this.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => (el.hidden = false));
    const tr = cfg.trained ? new TrainedCell(this, cfg.trained) : undefined;
    this.trained = tr;
    this.status(
      tr
        ? 'Press “Load and step” to run the trained block here, one op at a time, on the test image above.'
        : 'Press “Load and step” to materialise the weights and run the block here, one op at a time.',
    );
    if (tr) void tr.images().catch((e: unknown) => this.status(e instanceof Error ? e.message : String(e), 'error'));
    /** Runs fn with the open stepper; a click before the model is open does nothing (its buttons are disabled). */
    const open = (fn: (st: Stepper) => unknown) => (): unknown => (this.stepper?.opened ? fn(this.stepper) : undefined);
    const act = (name: string, fn: () => unknown): void => {
      this.querySelector<HTMLButtonElement>(`[data-act="${name}"]`)?.addEventListener('click', () => {
        if (name !== 'cancel' && this.hasAttribute('data-busy')) return;
        void fn();
      });
    };
    act('start', () => this.start());
    act(
      'next',
      open((st) => st.move('node', 1)),
    );
    act(
      'prev',
      open((st) => st.move('node', -1)),
    );
    act(
      'end',
      open((st) => st.goto(st.hi)),
    );
    act(
      'reset',
      open((st) => st.goto(st.lo)),
    );
    act('cancel', () => this.stepper?.cancel());
    this.addEventListener('click', (e) => {
      const t = e.target as Element;
      const b = t.closest<HTMLButtonElement>('[data-goto]');
      if (b && this.stepper?.opened && !this.hasAttribute('data-busy')) void this.stepper.goto(Number(b.dataset.goto));
      const s = t.closest<HTMLButtonElement>('[data-sample]');
      if (s && tr && !this.hasAttribute('data-busy')) void this.pick(Number(s.dataset.sample));
    });
    this.addEventListener('dbg-cancelled', () => {
      this.querySelectorAll<HTMLButtonElement>(
        '[data-goto], [data-act="next"], [data-act="prev"], [data-act="end"], [data-act="reset"]',
      ).forEach((b) => (b.disabled = true));
      this.querySelector<HTMLButtonElement>('[data-act="start"]')!.textContent = 'Load and step';
    });
    this.addEventListener('keydown', (e) => {
      const st = this.stepper;
      if (!st?.opened || (e.target as Element).closest('input, select, textarea')) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        void st.move('node', 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        void st.move('node', -1);
      }
    });
  }

  /** The status line (the Stepper writes the same one once it exists). */
  private status(text: string, kind: 'info' | 'error' = 'info'): void {
    const el = this.querySelector<HTMLElement>('[data-dbg="status"]');
    if (!el) return;
    el.textContent = text;
    el.classList.toggle('dbg-error', kind === 'error');
  }

  /** The "open in the debugger" link follows the cell's step, channel or test image. */
  private link(s: { step: number; channel: number }): void {
    const a = this.querySelector<HTMLAnchorElement>('[data-dbg="debugger-link"]');
    if (!a) return;
    const { cfg, trained: tr } = this;
    if (tr) a.href = `${a.pathname}?seed=${tr.cfg.seed}&img=${tr.k}`;
    else
      a.href = `${a.pathname}?step=${s.step}${s.channel > 0 ? `&ch=${s.channel}` : ''}${cfg.input !== 'astronaut' ? `&input=${cfg.input}` : ''}`;
  }

  /** The Stepper, imported and built on first use. */
  private stepperReady(): Promise<Stepper> {
    this.loading ??= import('./stepper.ts').then(({ Stepper }) => {
      const { cfg, trained: tr } = this;
      const st = new Stepper(this, {
        get source(): ModelSource {
          return tr ? tr.source : cfg.source;
        },
        scope: cfg.scope,
        ...(cfg.range ? { range: cfg.range } : {}),
        makeInput: (dims) => (tr ? tr.input(dims) : makeInput(cfg, dims)),
        ...(tr ? { preprocessView: () => tr.preprocessView() } : {}),
        ...(cfg.source.kind === 'zoo' && !tr ? { calibration: () => sampleBatch(Number(cfg.inputDims[2])) } : {}),
        onState: (s) => this.link(s),
      });
      this.stepper = st;
      return st;
    });
    return this.loading;
  }

  private async start(): Promise<void> {
    this.toggleAttribute('data-busy', true);
    let stepper: Stepper;
    try {
      stepper = await this.stepperReady();
      if (this.trained) await this.trained.fetchModel();
    } catch (e) {
      this.toggleAttribute('data-busy', false);
      this.status(e instanceof Error ? e.message : String(e), 'error');
      return;
    }
    await stepper.start();
    if (stepper.opened) {
      this.querySelector<HTMLButtonElement>('[data-act="start"]')!.textContent = 'Reload';
      this.querySelectorAll<HTMLButtonElement>('[data-goto]').forEach((b) => (b.disabled = false));
      await this.predict();
    }
  }

  /** A new test image: the input line follows; an open model runs it from the block's start. */
  private async pick(k: number): Promise<void> {
    const tr = this.trained!;
    const st = this.stepper;
    tr.choose(k);
    if (st?.opened) {
      await st.refeed();
      await this.predict();
    } else this.status('Press “Load and step” to run the trained block on this test image.');
    this.link(st ?? { step: -2, channel: 0 });
  }

  private async predict(): Promise<void> {
    if (!this.trained || !this.stepper) return;
    try {
      await this.trained.predict(this.stepper);
    } catch (e) {
      this.stepper.status(`No prediction: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  }
}

if (!customElements.get('step-cell')) customElements.define('step-cell', StepCellElement);
