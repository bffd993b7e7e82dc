/**
 * `<mnasnet-reward>`: reads the controls, recomputes the reward and its plot (mnasnet-reward.ts),
 * re-typesets the formula. The presets set α and β to §3's values; moving α or β selects "custom".
 */
import {
  reward,
  rewardChart,
  rewardTex,
  type RewardSetting,
  type RewardState,
} from '~/lib/viz/lessons/mnasnet-reward.ts';
import { formatSig } from '~/lib/viz/charts/number-format.ts';
import { renderMath } from '../render-math.ts';
import { renderMarks } from '~/components/kit/render-marks.ts';

class MnasnetReward extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form.rw-controls');
    if (!form) return;
    form.hidden = false;
    const presets = JSON.parse(this.dataset.state ?? '{}') as { soft: RewardSetting; hard: RewardSetting };
    const input = (n: string): HTMLInputElement => form.querySelector<HTMLInputElement>(`[name="${n}"]`)!;
    const preset = form.querySelector<HTMLSelectElement>('[name="preset"]')!;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', (e) => {
      const name = (e.target as HTMLInputElement).name;
      if (name === 'preset') {
        const p = preset.value === 'hard' ? presets.hard : preset.value === 'soft' ? presets.soft : null;
        if (p) {
          input('alpha').value = String(p.alpha);
          input('beta').value = String(p.beta);
        }
      } else if (name === 'alpha' || name === 'beta') {
        const a = Number(input('alpha').value);
        const b = Number(input('beta').value);
        preset.value =
          a === presets.soft.alpha && b === presets.soft.beta
            ? 'soft'
            : a === presets.hard.alpha && b === presets.hard.beta
              ? 'hard'
              : 'custom';
      }
      this.update(input);
    });
  }

  private update(input: (n: string) => HTMLInputElement): void {
    const st: RewardState = {
      accuracy: Number(input('accuracy').value),
      latency: Number(input('latency').value),
      target: Number(input('target').value),
      alpha: Number(input('alpha').value),
      beta: Number(input('beta').value),
    };
    for (const k of ['accuracy', 'latency', 'target', 'alpha', 'beta'] as const)
      this.querySelector(`[data-out="${k}"]`)!.textContent = String(st[k]);
    const r = reward(st.accuracy, st.latency, st.target, st);
    this.querySelector('[data-out="reward"]')!.textContent = formatSig(r);
    this.dataset.reward = String(r);
    renderMarks(this.querySelector<SVGSVGElement>('svg.rw-svg')!, rewardChart(st));
    void renderMath(this.querySelector<HTMLElement>('.rw-math')!, rewardTex(st.accuracy, st.latency, st.target, st));
  }
}

if (!customElements.get('mnasnet-reward')) customElements.define('mnasnet-reward', MnasnetReward);
