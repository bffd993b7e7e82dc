/**
 * The step buttons' clicks (StepControls' `[data-act]`: next and previous op, next block and stage,
 * end, reset, cancel) wired to a stepper, with the page's own actions beside them (load, compare
 * with onnxruntime-web, Grad-CAM…). Shared by the zoo debugger, the trained debugger and /explore/.
 */
import type { Stepper } from './stepper.ts';

/**
 * Wires every `[data-act]` button inside `root` named by the stepper's moves or by `extra`. A click
 * while `root` has data-busy is ignored, except Cancel's: it is what ends the busy state.
 */
export function wireStepActions(root: HTMLElement, st: Stepper, extra: Record<string, () => unknown>): void {
  const actions: Record<string, () => unknown> = {
    ...extra,
    next: () => st.move('node', 1),
    prev: () => st.move('node', -1),
    block: () => st.move('block', 1),
    stage: () => st.move('stage', 1),
    end: () => st.goto(st.hi),
    reset: () => st.goto(st.lo),
    cancel: () => st.cancel(),
  };
  for (const [name, fn] of Object.entries(actions))
    root.querySelectorAll<HTMLButtonElement>(`[data-act="${name}"]`).forEach((b) =>
      b.addEventListener('click', () => {
        if (name !== 'cancel' && root.hasAttribute('data-busy')) return;
        void fn();
      }),
    );
}
