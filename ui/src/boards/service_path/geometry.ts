// The emotion curve's geometry: one point per phase, at the middle of its
// column, higher for a better feeling (−2 … +2). Pure; no React.

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
/** One column of the curve, in the SVG's own units (the grid's column is 14rem wide). */
export const COLUMN = 140;
/** The curve's height in the same units (its row is 8rem high). */
export const HEIGHT = 80;
const PAD = 10;

export function clampEmotion(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(value)));
}

/** The y of a feeling: +2 at the top, −2 at the bottom, 0 in the middle. */
export function emotionY(value: number, height = HEIGHT): number {
  const share = (clampEmotion(value) - EMOTION_MIN) / (EMOTION_MAX - EMOTION_MIN);
  return PAD + (1 - share) * (height - 2 * PAD);
}

export type CurvePoint = { id: string; x: number; y: number; value: number };

export function curvePoints(phases: Array<{ id: string; emotion: number }>, column = COLUMN, height = HEIGHT): CurvePoint[] {
  return phases.map((p, i) => ({
    id: p.id,
    x: column * i + column / 2,
    y: emotionY(p.emotion, height),
    value: clampEmotion(p.emotion),
  }));
}

/** An SVG path through the points, straight segments; empty with no points. */
export function curvePath(points: CurvePoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}
