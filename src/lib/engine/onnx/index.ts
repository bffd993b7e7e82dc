export { OnnxError, type OnnxErrorCode, type UnsupportedOp } from './onnx-error.ts';
export { decodeModel, shortestFloat32, SUPPORTED_OPSETS, type DecodeOptions } from './decode-model.ts';
export { importOnnx, type ImportOptions } from './import-onnx.ts';
export { exportOnnx, irVersionFor, SCOPE_KEY } from './export-onnx.ts';
export { decodeTensor, decodeNamedTensor, DEFAULT_MAX_WEIGHT_BYTES, type NamedTensor } from './decode-tensor.ts';
export { encodeTensor } from './encode-tensor.ts';
export { scopeFromName } from './scope-from-name.ts';
