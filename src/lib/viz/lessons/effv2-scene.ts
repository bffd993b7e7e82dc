/**
 * The Scene shape of the widget kit (BRIEF "One way to build a widget", src/lib/viz/kit/marks.ts):
 * this lesson's layout functions return it. Until the kit lands on this branch the interface is
 * declared here, field for field the kit's; the merge replaces this file by a re-export.
 */
interface MarkBase { key: string; class?: string; title?: string; data?: Record<string, string | number> }
export interface RectMark extends MarkBase { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; fill?: string }
export interface LineMark extends MarkBase { kind: 'line'; x1: number; y1: number; x2: number; y2: number }
export interface TextMark extends MarkBase { kind: 'text'; x: number; y: number; text: string; anchor?: 'start' | 'middle' | 'end'; baseline?: 'auto' | 'middle' | 'hanging' }
export type Mark = RectMark | LineMark | TextMark;
export interface Scene { width: number; height: number; label: string; marks: readonly Mark[] }
export interface Readout { key: string; label: string; value: string }

/** Round to 0.1 px so static and client SVG agree and snapshots are stable. */
export const px = (v: number): number => Math.round(v * 10) / 10;
