/**
 * <step-cell>: the lesson cell's behaviour. Reads its config from data-config (written at build
 * time), reveals the controls, and on "Load and step" opens the model in the worker and steps
 * through the configured scope with the shared Stepper.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { ModelSource } from '~/components/runtime/protocol.ts';
import { loadImage, prepareImage, randomInput, sampleBatch, toCanvas } from './image-input.ts';
import { sampleByName } from './samples.ts';
import { Stepper } from './stepper.ts';

interface CellConfig {
  source: ModelSource;
  scope?: string;
  input: string;
  inputKind: 'image' | 'random';
  inputDims: number[];
}

async function makeInput(cfg: CellConfig, dims: readonly number[]): Promise<Tensor> {
  if (cfg.inputKind === 'random') return randomInput(dims);
  const sample = sampleByName(cfg.input) ?? sampleByName('astronaut')!;
  const img = await loadImage(sample.url);
  return prepareImage(toCanvas(img, img.naturalWidth, img.naturalHeight), Number(dims[2])).tensor;
}

export class StepCellElement extends HTMLElement {
  private stepper?: Stepper;

  connectedCallback(): void {
    if (this.stepper) return;
    const cfg = JSON.parse(this.dataset.config ?? '{}') as CellConfig;
    this.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => (el.hidden = false));
    const status = this.querySelector('[data-dbg="status"]');
    if (status)
      status.textContent = 'Press “Load and step” to materialise the weights and run the block here, one op at a time.';
    const stepper = new Stepper(this, {
      source: cfg.source,
      scope: cfg.scope,
      makeInput: (dims) => makeInput(cfg, dims),
      ...(cfg.source.kind === 'zoo' ? { calibration: () => sampleBatch(Number(cfg.inputDims[2])) } : {}),
      onState: (s) => {
        const a = this.querySelector<HTMLAnchorElement>('[data-dbg="debugger-link"]');
        if (a)
          a.href = `${a.pathname}?step=${s.step}${s.channel > 0 ? `&ch=${s.channel}` : ''}${cfg.input !== 'astronaut' ? `&input=${cfg.input}` : ''}`;
      },
    });
    this.stepper = stepper;
    const act = (name: string, fn: () => unknown): void => {
      this.querySelector<HTMLButtonElement>(`[data-act="${name}"]`)?.addEventListener('click', () => {
        if (name !== 'cancel' && this.hasAttribute('data-busy')) return;
        void fn();
      });
    };
    act('start', async () => {
      await stepper.start();
      if (stepper.opened) {
        this.querySelector<HTMLButtonElement>('[data-act="start"]')!.textContent = 'Reload';
        this.querySelectorAll<HTMLButtonElement>('[data-goto]').forEach((b) => (b.disabled = false));
      }
    });
    act('next', () => stepper.move('node', 1));
    act('prev', () => stepper.move('node', -1));
    act('end', () => stepper.goto(stepper.hi));
    act('reset', () => stepper.goto(stepper.lo));
    act('cancel', () => stepper.cancel());
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('[data-goto]');
      if (b && stepper.opened && !this.hasAttribute('data-busy')) void stepper.goto(Number(b.dataset.goto));
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
}

if (!customElements.get('step-cell')) customElements.define('step-cell', StepCellElement);
