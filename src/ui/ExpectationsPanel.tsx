/**
 * The scenario's `expect:` checks, live: each with its value so far and
 * whether it holds now (a check on a window that has not come yet shows "no
 * data"). The final verdicts are in the report once the run ends.
 */
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { formatClock } from './format';
import './observe.css';

export function ExpectationsPanel() {
  const { live, done } = useApp(useShallow((s) => ({ live: s.liveExpectations, done: s.report !== null })));
  if (done || !live || live.results.length === 0) return null;
  const held = live.results.filter((e) => e.passed).length;
  return (
    <section className="panel" aria-label="Expectations">
      <div className="panel-head">
        <h2 className="panel-title">Expectations</h2>
        <span className="panel-sub" data-testid="expect-summary">{held} of {live.results.length} hold at {formatClock(live.atMs, 0)}</span>
      </div>
      <div className="panel-body">
        <ul className="expectations" data-testid="live-expectations">
          {live.results.map((e, i) => {
            const state = e.actual === 'no data' ? 'pending' : e.passed ? 'pass' : 'fail';
            return (
              <li key={i} className={state} data-state={state}>
                <span aria-label={state === 'pass' ? 'holds' : state === 'fail' ? 'fails' : 'no data yet'}>{state === 'pass' ? '✓' : state === 'fail' ? '✗' : '…'}</span>{' '}
                {e.text} <span className="muted">({state === 'pending' ? 'no data yet' : `so far ${e.actual}`})</span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
