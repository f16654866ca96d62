/**
 * The side-by-side compare view (over the page while `useCompare.sides` is
 * set): both designs run headless to their end in the compare worker on one
 * seed, then each column shows its architecture (useDiagrams.ts: a layout and
 * scale that keep its labels readable, scrolling when dense), its charts on
 * scales shared with the other (in the theme's series colours), and its
 * expectations; under them the two reports as a table with Δ (right − left).
 * Export: the whole comparison for a slide (SVG, PNG) and the reports with
 * deltas (JSON, CSV). Loaded on first open.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { compareReports, type CompareDelta } from '../../metrics/compare';
import type { SeedChoice } from '../../worker/compareProtocol';
import type { ScenarioMeta } from '../../worker/protocol';
import { useApp } from '../../store';
import { downloadBlob, downloadText, fileBase } from '../download';
import { svgToPng } from '../exports';
import { formatClock } from '../format';
import { describeAction } from '../recording';
import { ownedByControl } from '../shortcuts';
import { useCompare, type CompareSide } from './compareState';
import { chartSvg, METRICS, routeColour, routeOrder, sharedMax, type CompareMarker, type CompareMetric, type SideSeries } from './compareCharts';
import { compareCsv, compareJson, comparisonSvg } from './compareExport';
import { useDiagrams, type ShownDiagram } from './useDiagrams';
import { DeltaTable } from './DeltaTable';
import { isOver, useCompareRun, type SideRun } from './useCompareRun';
import './compare.css';

const SIDE_NAMES = ['left', 'right'] as const;

export default function CompareView() {
  const sides = useCompare((s) => s.sides);
  if (!sides) return null;
  return createPortal(<CompareDialog sides={sides} />, document.body);
}

function CompareDialog({ sides }: { sides: readonly [CompareSide, CompareSide] }) {
  const close = useCompare((s) => s.close);
  const [ownSeeds, setOwnSeeds] = useState(false);
  const seed: SeedChoice = ownSeeds ? 'own' : 'left';
  const { state, cancel, rerun } = useCompareRun(sides, seed);
  const [left, right] = state.sides;
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  /** A diagram shown at full size over the view (its data URL and words). */
  const [zoom, setZoom] = useState<{ src: string; alt: string } | null>(null);
  const zoomOpen = useRef(false);
  zoomOpen.current = zoom !== null;

  // The page's own run shares the CPU and is not on screen: pause it. The page behind
  // takes no focus or clicks while the view is open (the view is portalled outside #root).
  useEffect(() => {
    const s = useApp.getState();
    if (s.status.playing) s.pause();
    const root = document.getElementById('root');
    const before = document.activeElement as HTMLElement | null;
    if (root) root.inert = true;
    box.current?.focus();
    return () => {
      if (root) root.inert = false;
      if (before?.isConnected) before.focus();
    };
  }, []);

  // Esc closes; the page's shortcuts (space, digits, →) must not drive the run behind.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        e.preventDefault();
        if (zoomOpen.current) setZoom(null);
        else close();
        return;
      }
      if (!ownedByControl(e.target, e.key)) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [close]);

  const data = useMemo(() => [sideSeries(left), sideSeries(right)] as const, [left, right]);
  const routes = useMemo(() => routeOrder([left.meta?.routes ?? null, right.meta?.routes ?? null]), [left.meta, right.meta]);
  const durationMs = Math.max(1000, left.meta?.durationMs ?? 0, right.meta?.durationMs ?? 0);
  const yMax = useMemo(() => Object.fromEntries(METRICS.map((m) => [m.id, sharedMax(data, m.id)])) as Record<CompareMetric, number>, [data]);
  const delta: CompareDelta | null = useMemo(
    () => (left.report && right.report ? compareReports(left.report, right.report) : null), [left.report, right.report]);

  const running = !state.sides.every(isOver);
  const cancelled = state.sides.some((s) => s.status === 'cancelled');
  // The columns' room for a diagram: both are as wide (1fr 1fr); the narrower one counts.
  const [archWidths, setArchWidths] = useState<readonly [number, number]>([0, 0]);
  const onArchWidth = useCallback((i: 0 | 1, w: number) => setArchWidths((ws) => (ws[i] === w ? ws : (i === 0 ? [w, ws[1]] : [ws[0], w]))), []);
  const archWidth = Math.min(...archWidths.filter((w) => w > 0), Infinity);
  // Scrolling one diagram scrolls the other to the same place (both are drawn at one scale).
  const archBoxes = useRef<[HTMLElement | null, HTMLElement | null]>([null, null]);
  const onArchScroll = useCallback((i: 0 | 1, el: HTMLElement | null, scrolled: boolean) => {
    archBoxes.current[i] = el;
    const other = archBoxes.current[1 - i];
    if (!scrolled || !el || !other) return;
    if (other.scrollLeft !== el.scrollLeft) other.scrollLeft = el.scrollLeft;
    if (other.scrollTop !== el.scrollTop) other.scrollTop = el.scrollTop;
  }, []);
  const arch = useDiagrams([left.meta, right.meta], [left.status !== 'loading', right.status !== 'loading'], sides,
    Number.isFinite(archWidth) ? archWidth : 0);

  const seedNote = seedText(left, right, ownSeeds);
  const base = `${fileBase(sides[0].file, 'left')}-vs-${fileBase(sides[1].file, 'right')}`;
  const slide = async () => {
    if (!left.report || !right.report || !delta || !data[0] || !data[1]) throw new Error('both runs must finish first');
    const a = await arch.slide();
    return comparisonSvg({
      sides: [
        { label: sides[0].label, file: sides[0].file, report: left.report, data: data[0], architecture: a?.diagrams[0] ?? null },
        { label: sides[1].label, file: sides[1].file, report: right.report, data: data[1], architecture: a?.diagrams[1] ?? null },
      ],
      delta, routes, yMax, durationMs,
      architectures: a ? { mode: a.layout.mode, scale: a.layout.scale, same: a.same, note: a.note } : null,
    });
  };
  const doExport = async (what: 'svg' | 'png' | 'json' | 'csv') => {
    setStatus(null);
    try {
      if (what === 'svg') downloadText((await slide()).svg, `${base}.svg`, 'image/svg+xml');
      else if (what === 'png') {
        const s = await slide();
        downloadBlob(await svgToPng(s.svg, s.width, s.height, 2), `${base}.png`);
      } else if (what === 'json' && left.report && right.report && delta) downloadText(compareJson(left.report, right.report, delta), `${base}.json`, 'application/json');
      else if (what === 'csv' && delta) downloadText(compareCsv(delta), `${base}.csv`, 'text/csv');
    } catch (e) {
      setStatus(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const exportBlocked = delta ? null : running ? 'Exports are ready when both runs have finished' : 'Both sides must run to their end to export';

  return (
    <div className="compare-overlay" role="dialog" aria-modal="true" aria-labelledby="compare-title" tabIndex={-1} ref={box} data-testid="compare-view">
      <header className="compare-bar">
        <h2 id="compare-title">Compare</h2>
        <span className={`badge mono compare-seed${seedNote.warn ? ' warn' : ''}`} data-testid="compare-seed">{seedNote.text}</span>
        <label className="compare-check" title="Off: both designs see the same arrivals and draws (the left file's seed), so the difference is the design">
          <input type="checkbox" checked={ownSeeds} onChange={(e) => setOwnSeeds(e.target.checked)} />
          each file's own seed
        </label>
        <div className="spacer" />
        {running && <button type="button" className="btn" onClick={cancel}>Cancel</button>}
        {!running && cancelled && <button type="button" className="btn" onClick={rerun}>Run again</button>}
        <div className="compare-exports" role="group" aria-label="Export the comparison">
          <button type="button" className="btn primary" disabled={!!exportBlocked} title={exportBlocked ?? 'The whole comparison as one picture for a slide (SVG)'}
            onClick={() => void doExport('svg')} data-testid="compare-export-svg">Export slide (SVG)</button>
          <button type="button" className="btn" disabled={!!exportBlocked} title={exportBlocked ?? 'The same picture as PNG, 2×'}
            onClick={() => void doExport('png')} data-testid="compare-export-png">PNG</button>
          <button type="button" className="btn" disabled={!!exportBlocked} title={exportBlocked ?? 'Both reports and the deltas (JSON, as the CLI\'s --compare --json)'}
            onClick={() => void doExport('json')} data-testid="compare-export-json">JSON</button>
          <button type="button" className="btn" disabled={!!exportBlocked} title={exportBlocked ?? 'The deltas as CSV'}
            onClick={() => void doExport('csv')} data-testid="compare-export-csv">CSV</button>
        </div>
        <button type="button" className="icon-btn compare-close" aria-label="Close compare" title="Close (Esc)" onClick={close}>×</button>
      </header>
      {status && <p className="compare-status" role="status">{status}</p>}
      {state.failure && <p className="compare-status bad" role="alert">{state.failure}</p>}
      <div className="compare-body">
        <div className="compare-cols">
          {([0, 1] as const).map((i) => (
            <SideColumn key={i} index={i} side={sides[i]} run={state.sides[i]} data={data[i]} routes={routes} yMax={yMax}
              durationMs={durationMs} diagram={arch.shown[i]} diagramError={arch.errors[i]} diagramNote={arch.note} diagramHeight={arch.rowHeight}
              onArchWidth={onArchWidth} onArchScroll={onArchScroll} onZoom={setZoom} />
          ))}
        </div>
        {delta && left.report && right.report ? (
          <DeltaTable delta={delta} labels={[sides[0].label, sides[1].label]} />
        ) : (
          <p className="compare-wait">{running ? 'The table of differences appears when both runs have finished.' : 'No table: a side did not run to its end.'}</p>
        )}
      </div>
      {zoom && (
        <div className="compare-zoom" role="dialog" aria-label="Architecture at full size" onClick={() => setZoom(null)}>
          <div className="compare-zoom-box" onClick={(e) => e.stopPropagation()}>
            <button type="button" className="icon-btn compare-close" aria-label="Close the diagram" onClick={() => setZoom(null)}>×</button>
            <img src={zoom.src} alt={zoom.alt} />
          </div>
        </div>
      )}
    </div>
  );
}

function seedText(left: SideRun, right: SideRun, own: boolean): { text: string; warn: boolean } {
  const a = left.seed, b = right.seed;
  if (a === null && b === null) return { text: own ? "each file's own seed" : 'same seed', warn: false };
  if (a !== null && b !== null && a === b) return { text: `same seed: ${a}`, warn: false };
  if (a !== null && b !== null) return { text: `different seeds: ${a} and ${b}`, warn: true };
  return { text: `seed ${a ?? b}`, warn: false };
}

/** A side's chart data once its run is done (null before). */
function sideSeries(run: SideRun): SideSeries | null {
  if (!run.series || !run.meta) return null;
  return { intervalMs: run.intervalMs, durationMs: run.meta.durationMs, series: run.series, markers: markersOf(run.meta) };
}

function markersOf(meta: ScenarioMeta): CompareMarker[] {
  return meta.timeline.map((it) => {
    const k = it.action.kind;
    return { t: it.atMs, untilT: it.forMs === null ? null : it.atMs + it.forMs, label: describeAction(it.action), fault: k !== 'load' && k !== 'scale' && k !== 'setting' };
  });
}

function SideColumn({ index, side, run, data, routes, yMax, durationMs, diagram, diagramError, diagramNote, diagramHeight, onArchWidth, onArchScroll, onZoom }: {
  index: 0 | 1; side: CompareSide; run: SideRun; data: SideSeries | null; routes: readonly string[];
  yMax: Record<CompareMetric, number>; durationMs: number;
  diagram: ShownDiagram | null; diagramError: string | null; diagramNote: string; diagramHeight: number;
  onArchWidth(index: 0 | 1, width: number): void;
  onArchScroll(index: 0 | 1, box: HTMLElement | null, scrolled: boolean): void;
  onZoom(z: { src: string; alt: string }): void;
}) {
  const name = SIDE_NAMES[index];
  const total = run.meta?.durationMs ?? 0;
  const frac = total > 0 ? Math.min(1, run.simMs / total) : run.status === 'done' ? 1 : 0;
  return (
    <section className="compare-col" aria-label={`${name === 'left' ? 'Left' : 'Right'}: ${side.label}`} data-testid={`compare-${name}`} data-status={run.status} data-sim-ms={run.simMs}>
      <div className="compare-col-head">
        <span className="compare-side-tag">{name}</span>
        <h3 className="compare-label" title={side.label}>{side.label}</h3>
        <div className="compare-file mono" title={side.file}>{side.file}</div>
      </div>
      <div className="compare-progress-row">
        <div className="compare-progress" role="progressbar" aria-label={`${name} run progress`} aria-valuemin={0} aria-valuemax={100}
          aria-valuenow={Math.round(frac * 100)}>
          <div className={`bar ${run.status}`} style={{ width: `${(frac * 100).toFixed(1)}%` }} />
        </div>
        <span className="compare-clock mono">{formatClock(run.simMs, 0)} / {formatClock(total, 0)}</span>
        <StatusBadge run={run} />
      </div>
      {run.status === 'invalid' && (
        <div className="compare-errors" role="alert" aria-label={`${name} scenario errors`}>
          <p>This file is not a valid scenario, so it did not run:</p>
          <ul data-testid={`compare-${name}-errors`}>
            {run.errors.map((e, i) => (
              <li key={i} className="mono"><span className="where">{e.file}:{e.line}:{e.column}</span>{e.path && <> <span className="path">{e.path}</span></>}: {e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {run.status === 'failed' && run.message && <p className="compare-errors mono" role="alert">The run stopped: {run.message}</p>}
      {run.report?.stopped && <p className="compare-errors" role="alert">{run.report.stopped.message}</p>}
      {run.meta && (
        <Architecture index={index} title={run.meta.name} diagram={diagram} error={diagramError} note={diagramNote} height={diagramHeight}
          onWidth={onArchWidth} onScroll={onArchScroll} onZoom={onZoom} />
      )}
      {run.meta && METRICS.map((m) => (
        <figure className="compare-chart" key={m.id}>
          <figcaption>
            <span className="compare-chart-title">{m.title}</span>
            <span className="compare-chart-unit">{m.unit}</span>
          </figcaption>
          <Chart metric={m.id} data={data} routes={routes} yMax={yMax[m.id]} durationMs={durationMs} name={name}
            waiting={run.status === 'cancelled' ? 'Cancelled before the end: no charts' : run.status === 'failed' ? 'The run failed: no charts' : 'Running…'} />
        </figure>
      ))}
      {run.meta && (
        <div className="compare-legend">
          {routes.filter((r) => run.meta!.routes.includes(r)).map((r) => (
            <span key={r} className="compare-key"><i style={{ background: routeColour(routes, r) }} />{r}</span>
          ))}
          {run.meta.timeline.some((t) => t.forMs !== null) && <span className="compare-key compare-key-fault"><i />fault window</span>}
        </div>
      )}
      {run.report && <Expectations run={run} name={name} />}
      {run.report && (
        <p className="compare-digest mono">
          seed {run.report.seed} · {run.report.events.toLocaleString('en')} events · digest{' '}
          <span data-testid={`compare-${name}-digest`}>{run.report.digest}</span>
        </p>
      )}
    </section>
  );
}

/**
 * A column's architecture, drawn at the scale both columns share (labels ≥ 11 px):
 * a dense one scrolls inside its box; a click shows it at full size.
 */
function Architecture({ index, title, diagram, error, note, height, onWidth, onScroll, onZoom }: {
  index: 0 | 1; title: string; diagram: ShownDiagram | null; error: string | null; note: string;
  /** The diagram row's height both columns share, px. */
  height: number;
  onWidth(index: 0 | 1, width: number): void;
  onScroll(index: 0 | 1, box: HTMLElement | null, scrolled: boolean): void;
  onZoom(z: { src: string; alt: string }): void;
}) {
  const name = SIDE_NAMES[index];
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = box.current!;
    // The room inside the box's padding (its scrollbar gutter is kept, so a scrollbar never takes from it).
    const measure = () => {
      const cs = getComputedStyle(el);
      onWidth(index, Math.floor(el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    onScroll(index, el, false);
    return () => { ro.disconnect(); onScroll(index, null, false); };
  }, [index, onWidth, onScroll]);
  // A diagram that scrolls opens centred on its entry service (where the workloads' requests come in): its callers on one side, its callees on the other.
  const svg = diagram?.diagram.svg;
  useEffect(() => {
    const el = box.current;
    const f = diagram?.focus;
    if (!el || !diagram) return;
    el.scrollLeft = f ? Math.max(0, f.x * diagram.fit.scale - el.clientWidth / 2) : 0;
    el.scrollTop = f ? Math.max(0, f.y * diagram.fit.scale - el.clientHeight / 2) : 0;
  }, [svg]); // once per drawing, not on each new fit object
  const src = useMemo(() => (svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : null), [svg]);
  const alt = `Architecture of ${title}`;
  const scrolls = !!diagram && (diagram.fit.overflowX > 0 || diagram.fit.overflowY > 0);
  return (
    <div className="compare-arch-wrap">
      <figure className={`compare-arch${scrolls ? ' scrolls' : ''}`} ref={box} data-testid={`compare-${name}-architecture-box`}
        data-variant={diagram?.variant} data-font-px={diagram ? +diagram.fit.fontPx.toFixed(1) : undefined}
        style={height > 0 ? { minHeight: height + 18 } : undefined} onScroll={(e) => onScroll(index, e.currentTarget, true)}>
        {diagram && src ? (
          <button type="button" className="compare-arch-btn" title="Show the diagram at full size" onClick={() => onZoom({ src, alt })}>
            <img src={src} alt={alt} data-testid={`compare-${name}-architecture`}
              width={Math.round(diagram.diagram.width * diagram.fit.scale)} height={Math.round(diagram.diagram.height * diagram.fit.scale)} />
          </button>
        ) : <div className="compare-arch-wait">{error ? `No diagram: ${error}` : 'Drawing the architecture…'}</div>}
      </figure>
      {diagram && src && (
        <div className="compare-arch-foot">
          <span className="compare-arch-note">{[note, scrolls ? 'Scroll the diagram, or open it at full size.' : ''].filter(Boolean).join(' ')}</span>
          <button type="button" className="compare-arch-zoom" onClick={() => onZoom({ src, alt })}>full size ⤢</button>
        </div>
      )}
    </div>
  );
}

function StatusBadge({ run }: { run: SideRun }) {
  const text: Record<SideRun['status'], string> = {
    loading: 'loading', running: 'running', done: 'finished', invalid: 'invalid file', failed: 'failed', cancelled: 'cancelled',
  };
  const cls = run.status === 'done' ? 'ok' : run.status === 'invalid' || run.status === 'failed' ? 'bad' : run.status === 'cancelled' ? 'warn' : 'live';
  return <span className={`badge ${cls}`}>{run.report?.stopped ? 'stopped by a run limit' : text[run.status]}</span>;
}

function Chart({ metric, data, routes, yMax, durationMs, name, waiting }: {
  metric: CompareMetric; data: SideSeries | null; routes: readonly string[]; yMax: number; durationMs: number; name: string;
  /** What the empty chart says until the side's run is done. */
  waiting: string;
}) {
  const body = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = body.current!;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  const markup = useMemo(() => (data && width > 0
    ? chartSvg({ metric, side: data, routes, yMax, durationMs, width, height: 150, fontSize: 12 })
    : ''), [metric, data, routes, yMax, durationMs, width]);
  return (
    <div className="compare-chart-body" ref={body} data-testid={`compare-${name}-${metric}`} data-ymax={yMax}>
      {/* Markup from chartSvg: every text in it is escaped (route names come from a file). */}
      {markup ? <div className="compare-chart-svg" role="img" aria-label={`${metric} over simulated time`} dangerouslySetInnerHTML={{ __html: markup }} />
        : <div className="compare-chart-wait">{data ? '' : waiting}</div>}
    </div>
  );
}

function Expectations({ run, name }: { run: SideRun; name: string }) {
  const list = run.report!.expectations;
  if (list.length === 0) return <p className="compare-expect-none">No expectations in this file.</p>;
  const passed = list.filter((e) => e.passed).length;
  const allPass = passed === list.length;
  return (
    <details className="compare-expect" open={!allPass} data-testid={`compare-${name}-expectations`} data-passed={passed} data-total={list.length}>
      <summary>
        <span className={`badge ${allPass ? 'ok' : 'bad'}`}>{allPass ? 'PASS' : 'FAIL'}</span>
        Expectations: {passed} of {list.length} hold
      </summary>
      <ul>
        {list.map((e, i) => (
          <li key={i} className={e.passed ? 'pass' : 'fail'}>
            <span className="mark">{e.passed ? 'pass' : 'FAIL'}</span> {e.text} <span className="actual">(actual {e.actual})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
