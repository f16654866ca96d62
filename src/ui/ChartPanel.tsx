/**
 * The d3 charts under the canvas: throughput, error share, latency
 * (p50/p95/p99) and utilisation over simulated time, with the timeline's
 * events as markers, for a scope — all routes, one route, a service or a
 * call edge — picked in the header's select or following the canvas /
 * inspector selection. Each chart redraws at most ~4 times a second.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { seriesDefaults } from '../store/series';
import { drawChart, type ChartMarker } from './charts';
import { queueChartDraw } from './chartDrawQueue';
import { chartKinds, chartSpec, chartSub, chartTip, CHART_TITLES, headerLegend, type ChartKind, type LegendKey } from './chartView';
import { parseScopeKey, scopeGroups, scopeKey, shownScope, type ChartScope } from './chartScope';
import { useChartScope } from './chartScopeStore';
import type { TimelineItem } from '../scenario/types';
import { describeAction } from './recording';
import './charts.css';

export function ChartPanel() {
  const meta = useApp((s) => s.meta);
  const { picked, pick } = useChartScope(useShallow((s) => ({ picked: s.scope, pick: s.pick })));
  const scope = shownScope(picked, meta);
  const key = scopeKey(scope);
  const groups = useMemo(() => scopeGroups(meta), [meta]);
  const legend = useMemo(() => headerLegend(scope, meta), [scope, meta]);
  return (
    <section className="panel chart-panel scoped" aria-label="Charts" data-scope={key}>
      <div className="chart-toolbar">
        <select className="select compact chart-scope" aria-label="Chart scope" value={key} disabled={!meta}
          title="What the charts show: all routes, one route, a service or a call (selecting a service on the canvas shows its charts)"
          onChange={(e) => pick(parseScopeKey(e.target.value))}>
          {groups.map((g) => g.label
            ? <optgroup key={g.label} label={g.label}>{g.options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}</optgroup>
            : g.options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>))}
        </select>
        <Legend keys={legend} testId="chart-legend" />
      </div>
      <div className="chart-grid">
        {chartKinds(scope).map((kind) => <TimeChart key={kind} kind={kind} scope={scope} />)}
      </div>
    </section>
  );
}

/** Minimum wall time between two redraws of a chart. */
const REDRAW_MS = 250;
const NO_ITEMS: readonly TimelineItem[] = [];
const NO_KEYS: readonly LegendKey[] = [];

/** The file's timeline and the live actions as chart markers; a `for` adds its end. */
export function chartMarkers(timeline: readonly TimelineItem[], recorded: readonly TimelineItem[]): ChartMarker[] {
  const out: ChartMarker[] = [];
  for (const it of [...timeline, ...recorded]) {
    const fault = it.action.kind !== 'load' && it.action.kind !== 'scale' && it.action.kind !== 'setting';
    const words = describeAction(it.action);
    out.push({ t: it.atMs, label: words, fault });
    if (it.forMs !== null) out.push({ t: it.atMs + it.forMs, label: `end: ${words}`, fault: false });
  }
  return out;
}

function TimeChart({ kind, scope }: { kind: ChartKind; scope: ChartScope }) {
  const svg = useRef<SVGSVGElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [points, setPoints] = useState(0);
  /** The utilisation chart's own keys (its busiest services), from the last draw. */
  const [busiest, setBusiest] = useState<readonly LegendKey[]>(NO_KEYS);
  const { meta, started, series, detail, intervalMs, durationMs, timeline, recorded } = useApp(useShallow((s) => ({
    meta: s.meta, started: (s.snapshot?.timeMs ?? 0) > 0, series: s.series, detail: s.detail, intervalMs: s.seriesIntervalMs ?? seriesDefaults.intervalMs,
    durationMs: s.meta?.durationMs ?? 0, timeline: s.meta?.timeline ?? NO_ITEMS, recorded: s.recorded,
  })));
  const markers = useMemo(() => chartMarkers(timeline, recorded), [timeline, recorded]);
  const title = CHART_TITLES[kind];
  // Under the title: the chart's own keys or words; the busiest services' keys come with the data.
  const ranked = kind === 'utilisation' && scope.kind !== 'service';
  const sub = useMemo(() => chartSub(kind, scope, meta), [kind, scope, meta]);

  useEffect(() => {
    const el = body.current!;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  // At most ~4 redraws a second: new points arrive with every snapshot at high speed, and an SVG
  // redraw is a repaint of the panel (in software, for a headless browser) — the trailing one always comes.
  // A new scope or size draws at once. Each draw is its own task (chartDrawQueue), never inside the commit.
  const last = useRef(0);
  const drawnFor = useRef('');
  useEffect(() => {
    const el = svg.current;
    if (!el || size.width === 0) return;
    const draw = () => {
      if (!svg.current) return;
      last.current = performance.now();
      drawnFor.current = shape;
      const spec = chartSpec(kind, { scope, meta, series, detail, intervalMs });
      setPoints(drawChart(svg.current, { width: size.width, height: size.height, intervalMs, durationMs, markers }, spec));
      if (ranked) setBusiest((prev) => (sameKeys(prev, spec.sub.keys) ? prev : spec.sub.keys));
    };
    const shape = `${scopeKey(scope)} ${size.width}x${size.height}`;
    const wait = shape !== drawnFor.current ? 0 : last.current + REDRAW_MS - performance.now();
    if (wait <= 0) return queueChartDraw(el, draw);
    let cancel = () => {};
    const timer = setTimeout(() => { cancel = queueChartDraw(el, draw); }, wait);
    return () => { clearTimeout(timer); cancel(); };
  }, [kind, scope, meta, series, detail, intervalMs, durationMs, size, markers, ranked]);

  return (
    <figure className="chart" style={{ margin: 0 }}>
      <div className="panel-head chart-head">
        <h2 className="panel-title" title={chartTip(kind, scope)} tabIndex={0} data-testid={`${kind}-title`}>{title}</h2>
      </div>
      <div className="chart-sub" data-testid={`${kind}-sub`}>
        <Legend keys={ranked ? busiest : sub.keys} title={ranked ? 'The busiest services (their mean over the run so far) in colour; the others are the thin grey lines' : undefined} />
        {sub.text && <span className="chart-sub-text">{sub.text}</span>}
      </div>
      <div className="chart-body" ref={body}>
        <svg ref={svg} role="img" aria-label={`${title} over simulated time`} data-testid={`${kind}-chart`} data-chart={kind} />
        {points === 0 && (
          <div className="chart-empty">
            {!meta ? '' : started ? 'Points come as each interval of simulated time ends' : 'Press play: points appear as simulated time passes'}
          </div>
        )}
      </div>
    </figure>
  );
}

function sameKeys(a: readonly LegendKey[], b: readonly LegendKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k.label === b[i]!.label && k.colour === b[i]!.colour);
}

function Legend({ keys, testId, title }: { keys: readonly LegendKey[]; testId?: string; title?: string }) {
  return (
    <div className="chart-legend" data-testid={testId} title={title}>
      {keys.map((k) => (
        <span key={k.label} className={k.label.startsWith('+') ? 'key more' : 'key'}>
          <svg viewBox="0 0 18 8" aria-hidden="true">
            {k.box
              ? <rect x="1" y="1" width="16" height="6" fill={k.colour} fillOpacity="0.45" />
              : <path d="M1 4h16" stroke={k.colour} strokeWidth={k.width ?? 2} strokeDasharray={k.dash} strokeLinecap="round" />}
          </svg>
          <span className="key-label">{k.label}</span>
        </span>
      ))}
    </div>
  );
}
