/** The two d3 charts under the canvas, with their legends and the timeline's events as markers. Redrawn when new series points arrive. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { seriesDefaults } from '../store/series';
import { drawLatency, drawThroughput, ERROR_COLOUR, ROUTE_COLOURS, TOTAL_COLOUR, type ChartFrame, type ChartMarker } from './charts';
import type { TimelineItem } from '../scenario/types';
import { describeAction } from './recording';

export function ChartPanel() {
  const routes = useApp((s) => s.meta?.routes ?? EMPTY);
  return (
    <section className="panel chart-panel" aria-label="Charts">
      <TimeChart kind="throughput" title="Throughput" routes={routes} />
      <TimeChart kind="latency" title="Latency" routes={routes} />
    </section>
  );
}

const EMPTY: readonly string[] = [];
/** Minimum wall time between two redraws of a chart. */
const REDRAW_MS = 250;
const NO_ITEMS: readonly TimelineItem[] = [];

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

function TimeChart({ kind, title, routes }: { kind: 'throughput' | 'latency'; title: string; routes: readonly string[] }) {
  const svg = useRef<SVGSVGElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const { series, intervalMs, durationMs, timeline, recorded } = useApp(useShallow((s) => ({
    series: s.series, intervalMs: s.seriesIntervalMs ?? seriesDefaults.intervalMs, durationMs: s.meta?.durationMs ?? 0,
    timeline: s.meta?.timeline ?? NO_ITEMS, recorded: s.recorded,
  })));
  const markers = useMemo(() => chartMarkers(timeline, recorded), [timeline, recorded]);
  const points = routes.reduce((n, r) => n + (series[r]?.length ?? 0), 0);

  useEffect(() => {
    const el = body.current!;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  // At most ~4 redraws a second: new points arrive with every snapshot at high speed, and an SVG
  // redraw is a repaint of the panel (in software, for a headless browser) — the trailing one always comes.
  const last = useRef(0);
  useEffect(() => {
    if (!svg.current || size.width === 0) return;
    const draw = () => {
      if (!svg.current) return;
      last.current = performance.now();
      const f: ChartFrame = { width: size.width, height: size.height, routes, series, intervalMs, durationMs, markers };
      if (kind === 'throughput') drawThroughput(svg.current, f);
      else drawLatency(svg.current, f);
    };
    const wait = last.current + REDRAW_MS - performance.now();
    if (wait <= 0) { draw(); return; }
    const timer = setTimeout(draw, wait);
    return () => clearTimeout(timer);
  }, [kind, routes, series, intervalMs, durationMs, size, markers]);

  return (
    <figure className="chart" style={{ margin: 0 }}>
      <div className="panel-head">
        <h2 className="panel-title">{title}</h2>
        <Legend kind={kind} routes={routes} />
      </div>
      <div className="chart-body" ref={body}>
        <svg ref={svg} role="img" aria-label={`${title} over simulated time`} data-testid={`${kind}-chart`} data-chart={kind} />
        {points === 0 && <div className="chart-empty">Press play: points appear as simulated time passes</div>}
      </div>
    </figure>
  );
}

function Legend({ kind, routes }: { kind: 'throughput' | 'latency'; routes: readonly string[] }) {
  const swatch = (colour: string, dash?: string, width = 2) => (
    <svg viewBox="0 0 18 8" aria-hidden="true"><path d="M1 4h16" stroke={colour} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" /></svg>
  );
  return (
    <div className="chart-legend">
      {routes.map((r, i) => (
        <span key={r} className="key">{swatch(ROUTE_COLOURS[i % ROUTE_COLOURS.length])}{r}</span>
      ))}
      {kind === 'throughput' && routes.length > 1 && <span className="key">{swatch(TOTAL_COLOUR, undefined, 2.5)}total</span>}
      {kind === 'throughput' && <span className="key"><svg viewBox="0 0 18 8" aria-hidden="true"><rect x="1" y="1" width="16" height="6" fill={ERROR_COLOUR} fillOpacity="0.45" /></svg>errors</span>}
      {kind === 'latency' && <span className="key">{swatch('#8a9ab5')}p99</span>}
      {kind === 'latency' && <span className="key">{swatch('#8a9ab5', '4 3')}p50</span>}
    </div>
  );
}
