/**
 * A copy of an .onnx file with per-node metrics written into each NodeProto's metadata_props
 * (field 9, string pairs), which Netron lists under the node's properties: open the copy in
 * Netron and every node shows its params, MACs and output shape beside its attributes. The rest
 * of the file is re-encoded field for field (proto-tree.ts), so onnxruntime still loads it.
 */
import { encodeMessage, parseMessage, str, type Message } from './proto-tree.ts';
import { OnnxError } from './onnx-error.ts';

/** Metrics per node name (the NodeProto.name the file carries). */
export type NodeMetrics = ReadonlyMap<string, Readonly<Record<string, string>>>;

const utf8 = new TextEncoder();

export function annotateMetrics(bytes: Uint8Array, metrics: NodeMetrics, prefix = 'depthwise.'): Uint8Array {
  const model = parseMessage(bytes);
  const graph = model?.fields.find((f) => f.f === 7)?.msg;
  if (!model || !graph) throw new OnnxError('malformed', 'cannot annotate: the bytes are not an ONNX model');
  let index = 0;
  for (const fd of graph.fields) {
    if (fd.f !== 1 || !fd.msg) continue;
    const node = fd.msg;
    const nameField = node.fields.find((f) => f.f === 3);
    const opField = node.fields.find((f) => f.f === 4);
    // Unnamed nodes get `<OpType>_<index>` on import (validate-graph.ts nameNodes); match that.
    const name = (nameField && str(nameField)) || `${opField ? str(opField) : ''}_${index}`;
    index++;
    const m = metrics.get(name);
    if (!m) continue;
    for (const [k, v] of Object.entries(m)) node.fields.push({ f: 9, wire: 2, msg: entry(`${prefix}${k}`, v) });
  }
  return encodeMessage(model);
}

function entry(k: string, v: string): Message {
  return {
    type: 'Entry',
    fields: [
      { f: 1, wire: 2, raw: utf8.encode(k) },
      { f: 2, wire: 2, raw: utf8.encode(v) },
    ],
  };
}
