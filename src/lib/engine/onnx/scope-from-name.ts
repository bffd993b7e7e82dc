/**
 * A node's scope path from its ONNX name, when the exporter wrote one.
 *
 * torch.onnx names nodes after the module path plus the op: `/blocks/3/conv_dw/Conv`. Newer
 * exporters repeat the full dotted path at each level (`/features/features.0/features.0.0/Conv`),
 * so a segment that already starts with the scope built so far replaces it instead of being
 * appended. Names that are not paths (`Conv_12`, `conv1`) give '' (unknown scope).
 */
export function scopeFromName(name: string): string {
  if (!name.startsWith('/')) return '';
  const segments = name
    .split('/')
    .slice(1, -1)
    .filter((s) => s !== '');
  let scope = '';
  for (const s of segments) {
    if (scope !== '' && s.startsWith(`${scope}.`)) scope = s;
    else scope = scope === '' ? s : `${scope}.${s}`;
  }
  return scope;
}
