export { OnnxError, type DynamicInput, type OnnxErrorCode, type UnsupportedOp } from './onnx-error.ts';
export {
  decodeModel,
  decodeModelInfo,
  shortestFloat32,
  SUPPORTED_OPSETS,
  type DecodedModel,
  type DecodeOptions,
  type ModelInfo,
} from './decode-model.ts';
export { SUPPORTED_DTYPES_TEXT } from './validate-graph.ts';
export { importOnnx, type ImportOptions } from './import-onnx.ts';
export { exportOnnx, irVersionFor, SCOPE_KEY } from './export-onnx.ts';
export { decodeTensor, decodeNamedTensor, DEFAULT_MAX_WEIGHT_BYTES, type NamedTensor } from './decode-tensor.ts';
export { encodeTensor } from './encode-tensor.ts';
export { scopeFromName } from './scope-from-name.ts';
