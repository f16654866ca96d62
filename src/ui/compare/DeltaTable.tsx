/**
 * The two reports as one table: per route and per service each figure on the
 * left and the right, Δ = right − left with its % change, coloured (and
 * worded, for those who do not see the colour) better or worse.
 */
import { formatPct, type CompareDelta, type DeltaValue } from '../../metrics/compare';

type Fmt = (v: number) => string;
const int: Fmt = (v) => Math.round(v).toLocaleString('en');
const ms: Fmt = (v) => (Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0)} ms`);
const share: Fmt = (v) => `${(v * 100).toFixed(1)}%`;
/** Shares change in percentage points. */
const points: Fmt = (v) => `${(v * 100).toFixed(1)} pp`;

const ROUTE_ROWS: { key: keyof CompareDelta['routes'][string]; label: string; fmt: Fmt; dfmt?: Fmt; title?: string }[] = [
  { key: 'requests', label: 'requests', fmt: int },
  { key: 'ok', label: 'ok', fmt: int },
  { key: 'failed', label: 'failed', fmt: int, title: 'errors + rejected (503) + timeouts' },
  { key: 'failedShare', label: 'failed share', fmt: share, dfmt: points, title: 'failed / answered requests; Δ in percentage points (pp)' },
  { key: 'latencyP50Ms', label: 'p50', fmt: ms },
  { key: 'latencyP95Ms', label: 'p95', fmt: ms },
  { key: 'latencyP99Ms', label: 'p99', fmt: ms },
];

const SERVICE_ROWS: { key: keyof CompareDelta['services'][string]; label: string; fmt: Fmt; dfmt?: Fmt; title?: string }[] = [
  { key: 'utilization', label: 'utilisation', fmt: share, dfmt: points },
  { key: 'errors', label: 'errors', fmt: int },
  { key: 'rejected', label: 'rejected (503)', fmt: int },
];

function signed(fmt: Fmt, v: number): string {
  if (v === 0) return fmt(0);
  return `${v > 0 ? '+' : '−'}${fmt(Math.abs(v))}`;
}

function Row({ kind, name, figure, first, span, label, title, d, fmt, dfmt }: {
  kind: string; figure: string; name: string; first: boolean; span: number; label: string; title?: string; d: DeltaValue; fmt: Fmt; dfmt?: Fmt;
}) {
  const verdict = d.verdict === 'better' || d.verdict === 'worse' ? d.verdict : d.verdict === 'same' ? 'same' : 'neutral';
  return (
    <tr className={first ? 'first' : undefined} data-testid={`delta-${kind}-${name}-${figure}`}
      data-left={d.left ?? ''} data-right={d.right ?? ''} data-delta={d.delta ?? ''} data-verdict={d.verdict}>
      {first && <th scope="rowgroup" rowSpan={span} className="name mono">{name}</th>}
      <td className="figure" title={title}>{label}</td>
      <td className="num">{d.left === null ? '—' : fmt(d.left)}</td>
      <td className="num">{d.right === null ? '—' : fmt(d.right)}</td>
      <td className={`num delta ${verdict}`}>
        {d.delta === null ? '—' : signed(dfmt ?? fmt, d.delta)}
        {d.pct !== null && d.delta !== 0 && <span className="pct"> {formatPct(d.pct)}</span>}
        {(verdict === 'better' || verdict === 'worse') && <span className="verdict"> {verdict}</span>}
      </td>
    </tr>
  );
}

export function DeltaTable({ delta, labels }: { delta: CompareDelta; labels: readonly [string, string] }) {
  const head = (what: string) => (
    <thead>
      <tr>
        <th scope="col">{what}</th>
        <th scope="col">figure</th>
        <th scope="col" className="num" title={labels[0]}>left</th>
        <th scope="col" className="num" title={labels[1]}>right</th>
        <th scope="col" className="num">Δ right − left</th>
      </tr>
    </thead>
  );
  return (
    <section className="compare-table" aria-label="Differences" data-testid="compare-table">
      <h3>Differences <span className="muted">— right ({labels[1]}) minus left ({labels[0]}); green is better, red worse</span></h3>
      <div className="compare-tables">
        <table>
          {head('route')}
          {Object.entries(delta.routes).map(([name, f]) => (
            <tbody key={name}>
              {ROUTE_ROWS.map((r, i) => <Row key={r.key} figure={r.key} kind="route" name={name} first={i === 0} span={ROUTE_ROWS.length} label={r.label} title={r.title} d={f[r.key]} fmt={r.fmt} dfmt={r.dfmt} />)}
            </tbody>
          ))}
        </table>
        <table>
          {head('service')}
          {Object.entries(delta.services).map(([name, f]) => (
            <tbody key={name}>
              {SERVICE_ROWS.map((r, i) => <Row key={r.key} figure={r.key} kind="service" name={name} first={i === 0} span={SERVICE_ROWS.length} label={r.label} title={r.title} d={f[r.key]} fmt={r.fmt} dfmt={r.dfmt} />)}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
