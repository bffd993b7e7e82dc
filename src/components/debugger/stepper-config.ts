/**
 * The stepper's configuration and state types, and the cached fetch of a classifier's class names
 * (split from stepper.ts).
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { ModelSource, NodeInfo } from '~/components/runtime/protocol.ts';

export interface StepperState {
  readonly step: number;
  readonly channel: number;
  readonly pixel: readonly [number, number] | null;
}

export interface StepperConfig {
  readonly source: ModelSource;
  /** Limit stepping to the nodes whose scope is this prefix (a lesson's block). */
  readonly scope?: string;
  /**
   * The scope's first and last node index, when the page knows them from the same file at build
   * time (a trained model's ONNX: its node order is fixed). Used instead of matching `scope`
   * against the opened nodes' scopes, which for a file are the ones its structure suggests
   * (withStructureScopes in the worker) and need not number stages as the zoo does.
   */
  readonly range?: readonly [number, number];
  /** The graph input for a run (called after the model is open). */
  readonly makeInput: (dims: readonly number[]) => Promise<Tensor>;
  /** Natural images to calibrate BatchNorm statistics on after materialising (zoo models). */
  readonly calibration?: () => Promise<Tensor>;
  /** Extra content for the preprocessing step (index −1), e.g. the source image and its crop. */
  readonly preprocessView?: () => HTMLElement | null;
  readonly onState?: (s: StepperState) => void;
  readonly onOpened?: (nodes: readonly NodeInfo[]) => void;
  /** A classifier's classes: its last node's [1, count] output is shown as top-5 predictions. */
  readonly classes?: ClassesConfig;
}

export interface ClassesConfig {
  readonly count: number;
  /** URL of the class names (a JSON array), or null when the classes have no names. */
  readonly url: string | null;
  /** The list's name for the panel's note, e.g. "ImageNet-1k (…)". */
  readonly listName?: string;
  readonly trained: boolean;
}

const namesCache = new Map<string, Promise<string[]>>();
export function classNames(url: string): Promise<string[]> {
  let p = namesCache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`class names: HTTP ${r.status} for ${url}`);
      return r.json() as Promise<string[]>;
    });
    namesCache.set(url, p);
  }
  return p;
}
