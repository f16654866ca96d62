/**
 * Hosts the pixi stage: creates it once per mount (StrictMode mounts twice,
 * so destroy only after init resolved), feeds it store changes through
 * `subscribe` rather than React renders, follows the panel's size, and turns
 * taps on the canvas into the store's selection (the inspector acts on it).
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { TopologyStage } from '../render/stage';
import { useApp } from '../store';
import { setProbeStage } from './topologyProbe';
import { BreakerGlyph, FaultTagSwatch, InstanceGlyph } from './glyphs';
import './observe.css';

export function TopologyView() {
  const host = useRef<HTMLDivElement>(null);
  const stageRef = useRef<TopologyStage | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const setRendererName = useApp((s) => s.setRendererName);

  useEffect(() => {
    const el = host.current!;
    let disposed = false;
    let stage: TopologyStage | null = null;
    let unsubscribe = () => {};
    let observer: ResizeObserver | null = null;
    TopologyStage.create(el).then(
      (s) => {
        if (disposed) { s.destroy(); return; }
        stage = s;
        stageRef.current = s;
        setRendererName(s.rendererName);
        setProbeStage(s);
        const st = useApp.getState();
        s.onSelect = (service, instance) => useApp.getState().select(service, instance);
        s.onLayoutChange = (positions) => useApp.getState().setLayout(positions);
        s.setScenario(st.meta);
        s.update(st.snapshot);
        s.setSelection(st.selection);
        unsubscribe = useApp.subscribe((next, prev) => {
          if (next.meta !== prev.meta) s.setScenario(next.meta);
          if (next.selection !== prev.selection) s.setSelection(next.selection);
          const pendingChanged = next.pendingLoad !== prev.pendingLoad;
          if (pendingChanged) s.setPendingLoad(pendingPerSec(next.pendingLoad));
          if (next.snapshotVersion !== prev.snapshotVersion || next.meta !== prev.meta || pendingChanged) s.update(next.snapshot, pendingChanged);
          if (prev.seeking && !next.seeking) s.clearDots();
        });
        observer = new ResizeObserver(() => s.resize(el.clientWidth, el.clientHeight));
        observer.observe(el);
        s.resize(el.clientWidth, el.clientHeight);
      },
      (e: unknown) => { if (!disposed) setFailed(e instanceof Error ? e.message : String(e)); },
    );
    return () => {
      disposed = true;
      unsubscribe();
      observer?.disconnect();
      stageRef.current = null;
      if (stage) { setProbeStage(null); stage.destroy(); setRendererName(null); }
    };
  }, [setRendererName]);

  const { hasMeta } = useApp(useShallow((s) => ({ hasMeta: s.meta !== null })));
  return (
    <div className="canvas-host" ref={host} data-testid="topology">
      {failed && <div className="overlay-msg">The canvas could not start: {failed}</div>}
      {hasMeta && !failed && (
        <div className="zoom-controls" role="group" aria-label="Canvas view"
          title="Drag a service to move it (Save keeps the layout); wheel to zoom; drag the background to pan; double-click it to fit">
          <button type="button" aria-label="Zoom in" onClick={() => stageRef.current?.zoomBy(1.25)}>+</button>
          <button type="button" aria-label="Zoom out" onClick={() => stageRef.current?.zoomBy(0.8)}>−</button>
          <button type="button" aria-label="Fit to view" onClick={() => stageRef.current?.resetView()}>fit</button>
        </div>
      )}
      {!failed && !hasMeta && <div className="overlay-msg">Loading scenario…</div>}
    </div>
  );
}

function pendingPerSec(p: Readonly<Record<string, { perSec: number }>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(p)) out[k] = v.perSec;
  return out;
}

export function TopologyLegend() {
  return (
    <div className="legend" aria-label="Legend">
      <span className="legend-item"><InstanceGlyph state="ready" />ready</span>
      <span className="legend-item"><InstanceGlyph state="starting" />starting</span>
      <span className="legend-item" title="Scaled down: no new requests, finishing what it holds"><InstanceGlyph state="draining" />draining</span>
      <span className="legend-item"><InstanceGlyph state="dead" />dead</span>
      <span className="legend-item"><svg viewBox="0 0 14 14"><rect x="0" y="4" width="14" height="6" rx="3" fill="var(--busy)" /></svg>busy workers</span>
      <span className="legend-item"><svg viewBox="0 0 14 14"><rect x="0" y="4" width="14" height="6" rx="3" fill="var(--queue)" /></svg>queue fill</span>
      <span className="legend-item"><svg viewBox="0 0 14 14"><path d="M0 7h14" stroke="var(--edge)" strokeWidth="2.5" /></svg>calls, width ∝ rate</span>
      <span className="legend-item"><svg viewBox="0 0 14 14"><path d="M0 7h14" stroke="var(--edge-error)" strokeWidth="2.5" /></svg>failing calls</span>
      <span className="legend-item" title="Circuit breakers of the calling instances, with their count">
        breakers <BreakerGlyph state="closed" />closed <BreakerGlyph state="halfOpen" />half-open <BreakerGlyph state="open" />open
      </span>
      <span className="legend-item"><FaultTagSwatch />fault</span>
    </div>
  );
}
