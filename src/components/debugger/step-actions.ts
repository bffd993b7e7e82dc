/**
 * The step buttons' clicks (StepControls' `[data-act]`: next and previous op, next block and stage,
 * end, reset, cancel) wired to a stepper, with the page's own actions beside them (load, compare
 * with onnxruntime-web, Grad-CAM…). Shared by the zoo debugger, the trained debugger and /explore/;
 * and the zoo debugger's keys, shared with /explore/.
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

/**
 * The zoo debugger's keys, for a document-wide keydown listener: ← → op, B / Shift+B block, S /
 * Shift+S stage (where the page has stage buttons), E end, R reset. Nothing while the stepper is
 * closed or busy, with Ctrl, Meta or Alt (the browser's shortcuts), or while the reader types in a field.
 */
export function stepKey(st: Stepper, e: KeyboardEvent, o: { busy: boolean; stages: boolean }): void {
  if (!st.opened || o.busy || e.ctrlKey || e.metaKey || e.altKey) return;
  if ((e.target as Element).closest('input, select, textarea, [contenteditable]')) return;
  const dir = e.shiftKey ? -1 : 1;
  const moves: Record<string, () => Promise<void>> = {
    ArrowRight: () => st.move('node', 1),
    ArrowLeft: () => st.move('node', -1),
    b: () => st.move('block', dir),
    B: () => st.move('block', dir),
    ...(o.stages ? { s: () => st.move('stage', dir), S: () => st.move('stage', dir) } : {}),
    e: () => st.goto(st.hi),
    r: () => st.goto(st.lo),
  };
  const m = moves[e.key];
  if (m) {
    e.preventDefault();
    void m();
  }
}
