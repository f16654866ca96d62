/**
 * "Export": the architecture (Mermaid → SVG, or its source), the charts as
 * the chart panel shows them (its scope: SVG, PNG at 2×) and the final
 * report (JSON, CSV), each downloaded under
 * the scenario's name. An item with nothing to export yet is disabled and
 * says why (the report exists only once a run has finished).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { downloadBlob, downloadText, fileBase, copyText } from './download';
import { architectureSvg, reportCsv, reportJson, standaloneChartSvg, svgToPng } from './exports';
import { chartKinds, shownChart } from './chartExport';
import { flushChartDraws } from './chartDrawQueue';
import { useBottomPanel } from './bottomPanelState';
import { CHART_TITLES, type ChartKind } from './chartView';
import { shownScope } from './chartScope';
import { useChartScope } from './chartScopeStore';
import { callLabels, mermaidText, type EdgeLabels } from './mermaidText';
import { CopyField, usePopover } from './popover';
import { ChevronIcon, ExportIcon } from './toolIcons';

interface Item {
  readonly id: string;
  readonly label: string;
  /** Why it cannot run now; null = enabled. */
  readonly blocked: string | null;
  readonly run: () => Promise<string | void>;
}

/** Call options for the diagram's edges: the running file, normalised again here (loaded on demand). */
async function edgeLabels(text: string, file: string): Promise<EdgeLabels> {
  try {
    const { loadScenario } = await import('../scenario');
    const r = loadScenario(text, file);
    return r.ok ? callLabels(r.scenario) : {};
  } catch {
    return {};
  }
}

function chartSvg(kind: ChartKind): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>(`svg[data-chart="${kind}"]`);
}

export function ExportMenu() {
  const { meta, source, report, points, invalid } = useApp(useShallow((s) => ({
    meta: s.meta, source: s.source, report: s.report, invalid: s.invalid !== null,
    points: Object.values(s.series).reduce((n, a) => n + a.length, 0),
  })));
  // The charts follow the chart panel's scope: what is shown is what is exported.
  const scope = shownScope(useChartScope((s) => s.scope), meta);
  const folded = useBottomPanel((s) => s.collapsed);
  const { open, setOpen, root, button } = usePopover();
  const [status, setStatus] = useState<string | null>(null);
  const [mermaidSource, setMermaidSource] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const base = fileBase(source?.file ?? meta?.file);

  const mermaidFor = async () => {
    if (!meta || !source) throw new Error('no scenario is loaded');
    return mermaidText(meta, await edgeLabels(source.text, source.file));
  };
  const chart = (kind: ChartKind) => {
    // A redraw waiting its turn (a scope just picked) first: export what the panel is about to show.
    flushChartDraws();
    const svg = chartSvg(kind);
    if (!svg || svg.getBoundingClientRect().width === 0) throw new Error('the charts are not shown: open the Charts tab under the canvas first');
    const shown = shownChart(kind);
    return { ...standaloneChartSvg(svg, `${shown.title} · ${meta?.name ?? base}`, shown.legend), file: `${base}-${kind}${shown.fileSuffix}` };
  };
  const noScenario = meta && source ? null : 'No scenario is loaded yet';
  const noPoints = noScenario ?? (invalid ? 'The charts are hidden behind the errors view: go back to the run first'
    : folded ? 'The panel under the canvas is folded away: show it (Show panel) first'
    : points > 0 ? null : 'The charts are empty: press play first');
  const noReport = noScenario ?? (report ? null : 'The report is made when the run finishes: play it to the end (max speed is quickest)');

  const groups: { title: string; items: Item[] }[] = [
    {
      title: 'Architecture',
      items: [
        {
          id: 'architecture-svg', label: 'Diagram (SVG)', blocked: noScenario,
          run: async () => downloadText(await architectureSvg(await mermaidFor()), `${base}-architecture.svg`, 'image/svg+xml'),
        },
        {
          id: 'mermaid-source', label: 'Copy Mermaid source', blocked: noScenario,
          run: async () => {
            const text = await mermaidFor();
            if (await copyText(text)) return 'Mermaid source copied';
            setMermaidSource(text);
          },
        },
      ],
    },
    {
      title: 'Charts',
      items: chartKinds(scope).flatMap((kind) => {
        const title = CHART_TITLES[kind];
        return [
          {
            id: `${kind}-svg`, label: `${title} (SVG)`, blocked: noPoints,
            run: async () => {
              const c = chart(kind);
              downloadText(c.svg, `${c.file}.svg`, 'image/svg+xml');
            },
          },
          {
            id: `${kind}-png`, label: `${title} (PNG, 2×)`, blocked: noPoints,
            run: async () => {
              const c = chart(kind);
              downloadBlob(await svgToPng(c.svg, c.width, c.height, 2), `${c.file}.png`);
            },
          },
        ];
      }),
    },
    {
      title: 'Report',
      items: [
        { id: 'report-json', label: 'Report (JSON)', blocked: noReport, run: async () => { if (report) downloadText(reportJson(report), `${base}-report.json`, 'application/json'); } },
        { id: 'report-csv', label: 'Report (CSV)', blocked: noReport, run: async () => { if (report) downloadText(reportCsv(report), `${base}-report.csv`, 'text/csv'); } },
      ],
    },
  ];

  const choose = async (item: Item) => {
    if (item.blocked) return;
    setStatus(null);
    try {
      const note = await item.run();
      if (typeof note === 'string') setStatus(note);
      else if (item.id !== 'mermaid-source') setOpen(false);
    } catch (e) {
      setStatus(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  // Opening puts focus on the first item; arrows move between items (the menu pattern).
  useEffect(() => {
    if (!open) { setStatus(null); setMermaidSource(null); return; }
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    if (!items.length) return;
    e.preventDefault();
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1
      : (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next].focus();
  };

  return (
    <div className="popover-host" ref={root}>
      <button ref={button} type="button" className="btn" aria-label="Export" aria-haspopup="menu" aria-expanded={open}
        onClick={() => setOpen(!open)} title="Export the architecture, the charts or the report">
        <ExportIcon /><span className="btn-label">Export</span><ChevronIcon />
      </button>
      {open && (
        <div className="popover export-menu" ref={menu} role="menu" aria-label="Export" onKeyDown={onKey}>
          {groups.map((g) => (
            <div key={g.title} role="group" aria-label={g.title} className="menu-group">
              <div className="menu-title" aria-hidden="true">{g.title}</div>
              {/* The items of a group wait for the same thing: say it once. */}
              {g.items[0]?.blocked && <div className="menu-why">{g.items[0].blocked}</div>}
              {g.items.map((item) => (
                <button key={item.id} type="button" role="menuitem" className="menu-item" data-testid={`export-${item.id}`}
                  aria-disabled={item.blocked ? true : undefined} title={item.blocked ?? undefined}
                  onClick={() => void choose(item)}>
                  {item.label}
                </button>
              ))}
            </div>
          ))}
          {status && <p className="hint menu-status" role="status">{status}</p>}
          {mermaidSource && (
            <div className="menu-copy">
              <CopyField value={mermaidSource} label="Mermaid source" multiline testId="mermaid-source" />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
