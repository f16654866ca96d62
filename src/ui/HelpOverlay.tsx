/** The help overlay (?): what the page shows, how to drive it, and the keys. */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => { box.current?.focus(); }, []);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title" tabIndex={-1} ref={box}
        onClick={(e) => e.stopPropagation()}>
        <div className="help-head">
          <h2 id="help-title">Microcosm</h2>
          <button type="button" className="icon-btn" aria-label="Close help" onClick={onClose}>×</button>
        </div>
        <p>
          A seeded simulation of the architecture in the scenario file: the same file and seed give the same
          numbers here and on the command line (<code>npm run sim -- file.yaml</code>).
        </p>
        <h3>Reading the canvas</h3>
        <ul>
          <li><b>Nodes</b> are services; each small square is an instance: filled = ready, lower half = starting
            (cold start, no traffic yet), upper half = draining (scaled down), cross = dead (restarts after a back-off).</li>
          <li><b>Bars</b>: busy workers and queue fill of the ready instances.</li>
          <li><b>Edges</b> carry calls: width by rate, vermillion by error share (its label gives the share); the badge counts the callers' circuit
            breakers (disc = closed, half disc = half-open, ring = open).</li>
          <li><b>Dots</b> are real requests (a sample): a pale disc going out; coming back a green disc (ok), a vermillion cross (failed), an amber ring (timed out) or a purple square (refused at once).</li>
        </ul>
        <h3>Breaking things</h3>
        <p>Click a service or one of its instances: the inspector kills it, adds latency, errors, a CPU slow-down or a
          partition, for a while or until the end, and scales it up or down. The sliders change the load. Everything you do is
          recorded as a timeline item, so a session can be saved and replayed exactly.</p>
        <h3>Going back, comparing</h3>
        <p>Drag the scrubber under the canvas back to any time the run has reached: the run is re-simulated to that moment
          (a long one shows how far it got). Act there and the run forks; Compare with original runs both to the end side by side.
          Compare… in the top bar does the same for two designs on one seed. Hide panel, under the canvas, gives a large
          architecture the canvas&apos; full height.</p>
        <h3>Keys</h3>
        <dl className="help-keys">
          {SHORTCUTS.map((s) => (
            <div key={s.keys}><dt><kbd>{s.keys}</kbd></dt><dd>{s.what}</dd></div>
          ))}
        </dl>
      </div>
    </div>
  );
}
