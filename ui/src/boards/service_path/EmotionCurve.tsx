import { useT } from '../../i18n';
import type { Phase } from '../../types';
import { COLUMN, HEIGHT, curvePath, curvePoints, emotionY } from './geometry';

type Props = { phases: Phase[]; critical: ReadonlySet<string> };

/** The persona's feelings phase by phase, −2 … +2, with critical points marked. */
export function EmotionCurve({ phases, critical }: Props) {
  const t = useT();
  const points = curvePoints(phases);
  const width = Math.max(COLUMN, COLUMN * phases.length);
  const summary = phases.map((p) => `${p.name} ${p.emotion > 0 ? '+' : ''}${p.emotion}`).join(', ');
  return (
    <svg
      className="emotion-curve"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      style={{ width: `${(width / COLUMN) * 14}rem`, height: '8rem' }}
      role="img"
      aria-label={t('path.curveText', { list: summary })}
      data-testid="emotion-curve"
    >
      {[-2, 0, 2].map((v) => (
        <line key={v} x1={0} x2={width} y1={emotionY(v)} y2={emotionY(v)} className={v === 0 ? 'axis zero' : 'axis'} />
      ))}
      <path d={curvePath(points)} className="curve" fill="none" />
      {points.map((p) => (
        <g key={p.id} data-testid="curve-point" data-value={p.value}>
          <circle cx={p.x} cy={p.y} r={5} className={p.value < 0 ? 'point low' : 'point'} />
          <text x={p.x + 8} y={p.y - 6} className="point-label">
            {p.value > 0 ? `+${p.value}` : p.value}
          </text>
          {critical.has(p.id) && (
            <path
              d={`M${p.x} ${p.y + 9} l7 7 l-7 7 l-7 -7 Z`}
              className="critical-mark"
              data-testid="critical-mark"
            />
          )}
        </g>
      ))}
    </svg>
  );
}
