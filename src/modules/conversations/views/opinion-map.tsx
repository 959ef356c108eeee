import type { PageContext } from '../../../ui/page-context.js';
import type { StoredAnalysis } from '../analysis-result.js';
import { convexHull, type Point } from './convex-hull.js';

// The opinion map as server-rendered SVG: participants as points, each group in its own colour and
// marker shape (never colour alone) and outlined by its convex hull, the viewer marked "you are here",
// and the same content in words below for screen readers and print.

const W = 640;
const H = 400;
const PAD = 28;
/** Okabe–Ito hues, darkened where needed so labels reach 4.5:1 on white. */
const COLOURS = ['#0072b2', '#b34700', '#007a5a', '#b8407f', '#8a6d00'];
const UNGROUPED = '#6b7178';

/** A group's name as people see it: A, B, C … (Pol.is' convention). */
export function groupLabel(id: number): string {
  return id >= 0 && id < 26 ? String.fromCharCode(65 + id) : String(id + 1);
}

/** The colour of a group by its position in the result. */
export function groupColour(index: number): string {
  return COLOURS[index % COLOURS.length]!;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function marker(shape: number, x: number, y: number, size: number, fill: string): JSX.Element {
  const s = size;
  switch (shape % 3) {
    case 1:
      return <rect x={r2(x - s)} y={r2(y - s)} width={r2(2 * s)} height={r2(2 * s)} fill={fill} />;
    case 2:
      return (
        <path
          d={`M${r2(x)} ${r2(y - s * 1.2)}L${r2(x + s * 1.1)} ${r2(y + s)}L${r2(x - s * 1.1)} ${r2(y + s)}Z`}
          fill={fill}
        />
      );
    default:
      return <circle cx={r2(x)} cy={r2(y)} r={s} fill={fill} />;
  }
}

/** The opinion map of a stored analysis; `you` is the viewer's voter key (participants) or undefined (staff). */
export function OpinionMap(props: {
  ctx: PageContext;
  analysis: StoredAnalysis;
  you?: string | undefined;
  id?: string;
}): JSX.Element {
  const { ctx, analysis, you } = props;
  const t = ctx.t;
  const id = props.id ?? 'opinion-map';
  const points = analysis.points;
  if (points.length === 0) return <p safe>{t('conversations:map.notYet')}</p>;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
  const sx = (v: number) => PAD + ((v - minX) / (maxX - minX || 1)) * (W - 2 * PAD);
  const sy = (v: number) => H - PAD - ((v - minY) / (maxY - minY || 1)) * (H - 2 * PAD);
  const indexOf = new Map(analysis.groups.map((g, i) => [g.id, i]));
  const mine = you ? points.find((p) => p.key === you) : undefined;
  const title = t('conversations:map.figure', { people: points.length, groups: analysis.groups.length });
  return (
    <figure class="opinion-map">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-words`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`} safe>
          {title}
        </title>
        <rect x="0" y="0" width={W} height={H} fill="#ffffff" stroke="#c4c8cc" />
        {analysis.groups.map((g, i) => {
          const hull = convexHull(
            points.filter((p) => p.group === g.id).map((p) => [sx(p.x), sy(p.y)] as Point),
          );
          const colour = groupColour(i);
          const label = t('conversations:groups.group', { group: groupLabel(g.id) });
          const cx = hull.reduce((s, p) => s + p[0], 0) / (hull.length || 1);
          const top = hull.length ? Math.min(...hull.map((p) => p[1])) : PAD;
          return (
            <g class="group">
              {hull.length >= 3 ? (
                <polygon
                  points={hull.map((p) => `${r2(p[0])},${r2(p[1])}`).join(' ')}
                  fill={colour}
                  fill-opacity="0.08"
                  stroke={colour}
                  stroke-width="2"
                  stroke-linejoin="round"
                />
              ) : (
                ''
              )}
              <text
                x={r2(Math.min(Math.max(cx, PAD + 30), W - PAD - 30))}
                y={r2(Math.max(top - 8, 14))}
                text-anchor="middle"
                fill={colour}
                font-size="14"
                font-weight="bold"
                safe
              >
                {label}
              </text>
            </g>
          );
        })}
        {points.map((p) => {
          const i = p.group === null ? undefined : indexOf.get(p.group);
          return marker(i ?? 0, sx(p.x), sy(p.y), 4, i === undefined ? UNGROUPED : groupColour(i));
        })}
        {mine ? (
          <g class="you">
            <circle
              cx={r2(sx(mine.x))}
              cy={r2(sy(mine.y))}
              r="10"
              fill="none"
              stroke="#1f2328"
              stroke-width="3"
            />
            <text
              x={r2(Math.min(sx(mine.x) + 14, W - 90))}
              y={r2(Math.max(sy(mine.y) - 12, 16))}
              fill="#1f2328"
              font-size="15"
              font-weight="bold"
              safe
            >
              {t('conversations:map.you')}
            </text>
          </g>
        ) : (
          ''
        )}
      </svg>
      <figcaption id={`${id}-words`}>
        <h3 safe>{t('conversations:map.textAlternative')}</h3>
        <ul>
          {mine ? (
            <li safe>
              {mine.group === null
                ? t('conversations:map.youNotInGroup')
                : t('conversations:map.youInGroup', {
                    group: groupLabel(mine.group),
                    size: analysis.groups.find((g) => g.id === mine.group)?.participants.length ?? 0,
                  })}
            </li>
          ) : (
            ''
          )}
          {analysis.groups.map((g) => (
            <li safe>
              {t('conversations:map.groupSummary', { group: groupLabel(g.id), size: g.participants.length })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
