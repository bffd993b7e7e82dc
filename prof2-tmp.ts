import { planConvGeometry, convForward } from './src/lib/engine/ops/conv.ts';
import { convInputGrad, convWeightGrad } from './src/lib/engine/grad/conv.ts';
import { NO_EPILOGUE } from './src/lib/engine/ops/activation-code.ts';
import { ints, int } from './src/lib/engine/index.ts';
const mk = (N: number, C: number, H: number, M: number, k: number, group: number, pad: number) => {
  const node = { name: 'c', opType: 'Conv', inputs: [], outputs: [], scope: '', attrs: { kernel_shape: ints([k, k]), pads: ints([pad, pad, pad, pad]), group: int(group) } };
  const x = new Float32Array(N * C * H * H).map((_, i) => Math.sin(i));
  const w = new Float32Array(M * (C / group) * k * k).map((_, i) => Math.cos(i));
  const g = planConvGeometry({ node, opset: 17, inputs: [{ dtype: 'float32', dims: [N, C, H, H] }, { dtype: 'float32', dims: [M, C / group, k, k] }], values: [] } as never);
  return { g, x, w };
};
const t = (label: string, f: () => void) => { const v: number[] = []; for (let i = 0; i < 7; i++) { const a = performance.now(); f(); v.push(performance.now() - a); } console.log(label, Math.min(...v).toFixed(1)); };
{ const { g, x, w } = mk(64, 64, 16, 64, 3, 64, 1); const dy = convForward(g, x, w, NO_EPILOGUE);
  t('dw fwd', () => convForward(g, x, w, NO_EPILOGUE)); t('dw dX', () => convInputGrad(g, w, dy)); t('dw dW', () => convWeightGrad(g, x, dy)); }
{ const { g, x, w } = mk(64, 64, 16, 16, 1, 1, 0); const dy = convForward(g, x, w, NO_EPILOGUE);
  t('pw fwd', () => convForward(g, x, w, NO_EPILOGUE)); t('pw dX', () => convInputGrad(g, w, dy)); t('pw dW', () => convWeightGrad(g, x, dy)); }
