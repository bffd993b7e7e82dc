/** Number formatting shared by every table and diagram, so 3,612,672 and 3.61 M read the same everywhere. */

/** Exact integer with thousands separators: 3,612,672. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Compact with an SI-style suffix and three significant figures: 3.61 M, 386 M, 1.23 G. */
export function formatCompact(n: number): string {
  const abs = Math.abs(n);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, suffix] of units) {
    if (abs >= scale) return `${trimZeros((n / scale).toPrecision(3))} ${suffix}`;
  }
  return String(Math.round(n));
}

/** Bytes in binary units: 392 KiB, 1.53 MiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${trimZeros(v.toPrecision(3))} ${units[i]}`;
}

/** '3.10' -> '3.1', '300' stays '300', '2.00' -> '2'. */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
