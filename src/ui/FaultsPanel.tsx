/**
 * Faults in force now, from the snapshot: kind, target, what it does and the
 * simulated time it has left (a bar drains with it). Actions sent while the
 * run is paused are listed as pending until the model applies them.
 */
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { faultKindLabel, pendingActions, shareLeft, timeLeft } from './breakPanel';
import { formatDuration } from './format';
import { describeAction } from './recording';

export function FaultsPanel() {
  const { faults, timeMs, recorded, playing, select } = useApp(useShallow((s) => ({
    faults: s.snapshot?.faults ?? NONE, timeMs: s.snapshot?.timeMs ?? 0, recorded: s.recorded, playing: s.status.playing, select: s.select,
  })));
  // While playing, a sent action lands within a frame: listing it would only flicker.
  const pending = playing ? [] : pendingActions(recorded, timeMs);
  return (
    <section className="panel" aria-label="Faults">
      <div className="panel-head">
        <h2 className="panel-title">Faults</h2>
        <span className="panel-sub" data-testid="fault-count">{faults.length ? `${faults.length} active` : 'none active'}</span>
      </div>
      <div className="panel-body">
        {faults.length === 0 && pending.length === 0 && (
          <p className="hint" style={{ marginTop: 0 }}>Latency, errors, slow CPU and partitions you inject show here with the time they have left.</p>
        )}
        {(faults.length > 0 || pending.length > 0) && (
          <ul className="fault-list" data-testid="fault-list">
            {faults.map((f) => (
              <li key={f.id} className={`fault ${f.kind}`} data-kind={f.kind} data-target={f.target}>
                <span className="fault-kind">{faultKindLabel(f.kind)}</span>
                <button type="button" className="fault-target linkish" title="Inspect"
                  onClick={() => select(f.kind === 'partition' ? f.target.split(' ↔ ')[0] : f.target)}>{f.target}</button>
                <span className="fault-detail">{f.detail}</span>
                <span className="fault-left mono" data-testid="fault-left">{timeLeft(f, timeMs)}</span>
                {f.untilMs !== null && <span className="fault-bar" aria-hidden="true"><span style={{ width: `${shareLeft(f, timeMs) * 100}%` }} /></span>}
              </li>
            ))}
            {pending.map((it, i) => (
              <li key={`p${i}`} className="fault pending" data-kind="pending">
                <span className="fault-kind">pending</span>
                <span className="fault-detail wide">{describeAction(it.action)}{it.forMs !== null ? ` for ${formatDuration(it.forMs)}` : ''}</span>
                <span className="fault-left">on play</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

const NONE: readonly never[] = [];
