/**
 * <predict-question>: makes a question answerable. Shows the form the page hides (without
 * JavaScript the question reads as text with a "Show the answer" disclosure), checks a reply on
 * Check or Enter, says whether it is right in a live region, flags an unreadable number on its
 * input, and opens the answer once the reply is right.
 */
import { choiceFeedback, numberFeedback, type Feedback } from './question-feedback.ts';

class PredictQuestion extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('form.q-form');
    if (!form) return;
    form.hidden = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.check(form);
    });
  }

  private say({ state, text }: Feedback) {
    const out = this.querySelector<HTMLElement>('[data-feedback]')!;
    out.dataset.state = state;
    out.textContent = text;
  }

  private check(form: HTMLFormElement) {
    let feedback: Feedback;
    if (this.dataset.mode === 'number') {
      const input = form.querySelector<HTMLInputElement>('input[name="prediction"]')!;
      feedback = numberFeedback(this.dataset, input.value);
      if (feedback.state === 'unreadable') input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    } else {
      const radios = [...form.querySelectorAll<HTMLInputElement>('input[name="choice"]')];
      const picked = radios.findIndex((r) => r.checked);
      feedback = choiceFeedback(this.dataset, picked < 0 ? null : picked, radios.length);
    }
    this.say(feedback);
    if (feedback.state === 'right') this.querySelector<HTMLDetailsElement>('details.q-reveal')!.open = true;
  }
}
customElements.define('predict-question', PredictQuestion);
