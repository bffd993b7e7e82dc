/**
 * <step-cell>: the lesson cell's behaviour. Reads its config from data-config (written at build
 * time), reveals the controls, and on "Load and step" opens the model in the worker and steps
 * through the configured scope with the shared Stepper. A cell with a trained counterpart
 * (config.trained, see StepCell.astro) runs that trained model's file on a bundled Fashion-MNIST
 * test image the reader picks (step-cell-trained.ts); the others materialise the zoo's seeded
 * weights and feed a sample photograph.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { ModelSource } from '~/components/runtime/protocol.ts';
import { loadImage, prepareImage, randomInput, sampleBatch, toCanvas } from './image-input.ts';
import { sampleByName } from './samples.ts';
import { Stepper } from './stepper.ts';
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
  private trained?: TrainedCell;

  connectedCallback(): void {
    if (this.stepper) return;
    const cfg = JSON.parse(this.dataset.config ?? '{}') as CellConfig;
    this.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => (el.hidden = false));
    const status = this.querySelector('[data-dbg="status"]');
    const tr = cfg.trained ? new TrainedCell(this, cfg.trained) : undefined;
    this.trained = tr;
    if (status)
      status.textContent = tr
        ? 'Press “Load and step” to run the trained block here, one op at a time, on the test image above.'
        : 'Press “Load and step” to materialise the weights and run the block here, one op at a time.';
    const link = (s: { step: number; channel: number }): void => {
      const a = this.querySelector<HTMLAnchorElement>('[data-dbg="debugger-link"]');
      if (!a) return;
      if (tr) a.href = `${a.pathname}?seed=${tr.cfg.seed}&img=${tr.k}`;
      else
        a.href = `${a.pathname}?step=${s.step}${s.channel > 0 ? `&ch=${s.channel}` : ''}${cfg.input !== 'astronaut' ? `&input=${cfg.input}` : ''}`;
    };
    const stepper = new Stepper(this, {
      get source(): ModelSource {
        return tr ? tr.source : cfg.source;
      },
      scope: cfg.scope,
      ...(cfg.range ? { range: cfg.range } : {}),
      makeInput: (dims) => (tr ? tr.input(dims) : makeInput(cfg, dims)),
      ...(tr ? { preprocessView: () => tr.preprocessView() } : {}),
      ...(cfg.source.kind === 'zoo' && !tr ? { calibration: () => sampleBatch(Number(cfg.inputDims[2])) } : {}),
      onState: link,
    });
    this.stepper = stepper;
    if (tr) void tr.images().catch((e: unknown) => stepper.status(e instanceof Error ? e.message : String(e), 'error'));
    const act = (name: string, fn: () => unknown): void => {
      this.querySelector<HTMLButtonElement>(`[data-act="${name}"]`)?.addEventListener('click', () => {
        if (name !== 'cancel' && this.hasAttribute('data-busy')) return;
        void fn();
      });
    };
    act('start', async () => {
      if (tr) {
        try {
          await tr.fetchModel();
        } catch (e) {
          stepper.status(e instanceof Error ? e.message : String(e), 'error');
          return;
        }
      }
      await stepper.start();
      if (stepper.opened) {
        this.querySelector<HTMLButtonElement>('[data-act="start"]')!.textContent = 'Reload';
        this.querySelectorAll<HTMLButtonElement>('[data-goto]').forEach((b) => (b.disabled = false));
        await this.predict();
      }
    });
    act('next', () => stepper.move('node', 1));
    act('prev', () => stepper.move('node', -1));
    act('end', () => stepper.goto(stepper.hi));
    act('reset', () => stepper.goto(stepper.lo));
    act('cancel', () => stepper.cancel());
    this.addEventListener('click', (e) => {
      const t = e.target as Element;
      const b = t.closest<HTMLButtonElement>('[data-goto]');
      if (b && stepper.opened && !this.hasAttribute('data-busy')) void stepper.goto(Number(b.dataset.goto));
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
      if (!stepper.opened || (e.target as Element).closest('input, select, textarea')) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        void stepper.move('node', 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        void stepper.move('node', -1);
      }
    });
  }

  /** A new test image: the input line follows; an open model runs it from the block's start. */
  private async pick(k: number): Promise<void> {
    const tr = this.trained!;
    const st = this.stepper!;
    tr.choose(k);
    if (st.opened) {
      await st.refeed();
      await this.predict();
    } else st.status('Press “Load and step” to run the trained block on this test image.');
    st.cfg.onState?.({ step: st.step, channel: st.channel, pixel: st.pixel });
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
