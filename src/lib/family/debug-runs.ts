/**
 * Which trained run the debugger opens for each model: the first seed's (the manifest's lowest
 * seed for that id, the `<id>.onnx` file), with the other seeds listed beside it. Pure: the page
 * reads the manifest at build time and passes it in.
 */
import type { TrainedManifest, TrainedModel } from './manifest.ts';

export interface DebugRun {
  readonly run: TrainedModel;
  /** The model's other trained seeds. */
  readonly otherSeeds: readonly number[];
}

export function debugRuns(manifest: TrainedManifest): DebugRun[] {
  const byId = new Map<string, TrainedModel[]>();
  for (const m of manifest.models) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
  return [...byId.values()].map((runs) => {
    const sorted = [...runs].sort((a, b) => a.seed - b.seed);
    return { run: sorted[0], otherSeeds: sorted.slice(1).map((r) => r.seed) };
  });
}
