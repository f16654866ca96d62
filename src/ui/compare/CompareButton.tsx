/**
 * The top bar's "Compare…": a small dialog to pick the left and right
 * designs (the running scenario with its recorded actions, bundled ones,
 * opened files) and open the compare view on them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, type CatalogEntry } from '../../store';
import { usePopover } from '../popover';
import { scenarioWithActions } from '../scenarioFile';
import { useCompare, type CompareSide } from './compareState';
import './compare.css';

/** The left picker's first option: the scenario as it runs now (recorded actions included). */
export const RUNNING = '@running';

/**
 * A likely counterpart of `key`: the entry of the same folder sharing the
 * longest name prefix (`…-naive.yaml` → `…-resilient.yaml`), else the first other.
 */
export function counterpart(catalog: readonly Pick<CatalogEntry, 'key'>[], key: string | null): string | null {
  const others = catalog.filter((e) => e.key !== key);
  if (others.length === 0) return null;
  if (!key) return others[0].key;
  const folder = (k: string) => k.slice(0, k.lastIndexOf('/') + 1);
  let best = others[0].key, bestLen = -1;
  for (const e of others) {
    if (folder(e.key) !== folder(key)) continue;
    let n = 0;
    while (n < e.key.length && n < key.length && e.key[n] === key[n]) n++;
    if (n > bestLen) { best = e.key; bestLen = n; }
  }
  return best;
}

export function CompareButton() {
  const { open, setOpen, root, button } = usePopover();
  return (
    <div className="popover-host" ref={root}>
      <button ref={button} type="button" className="btn" aria-label="Compare…" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}
        title="Run two designs on the same seed and compare them side by side">
        <CompareIcon /><span className="btn-label">Compare…</span>
      </button>
      {open && <ComparePicker onDone={() => setOpen(false)} />}
    </div>
  );
}

function ComparePicker({ onDone }: { onDone(): void }) {
  const { catalog, source, recorded, name } = useApp(useShallow((s) => ({
    catalog: s.catalog, source: s.source, recorded: s.recorded, name: s.meta?.name ?? null,
  })));
  const [left, setLeft] = useState<string>(source ? RUNNING : catalog[0]?.key ?? '');
  const [right, setRight] = useState<string>(() => counterpart(catalog, source?.key ?? null) ?? '');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => { first.current?.focus(); }, []);

  const n = recorded.length;
  const runningLabel = source ? `Running now: ${name ?? source.file}${n ? ` (with ${n} recorded ${n === 1 ? 'action' : 'actions'})` : ''}` : '';
  const groups = useMemo(() => {
    const out: [string, CatalogEntry[]][] = [];
    for (const e of catalog) {
      const g = out.find(([k]) => k === e.group);
      if (g) g[1].push(e);
      else out.push([e.group, [e]]);
    }
    return out;
  }, [catalog]);

  const sideOf = async (key: string): Promise<CompareSide | null> => {
    if (key === RUNNING) {
      if (!source) return null;
      return { label: `${name ?? source.file}${n ? ' (as run)' : ''}`, file: source.file, text: await scenarioWithActions(source, recorded) };
    }
    const e = catalog.find((c) => c.key === key);
    return e ? { label: e.name, file: e.file, text: e.text } : null;
  };
  const go = async () => {
    setBusy(true);
    try {
      const [l, r] = await Promise.all([sideOf(left), sideOf(right)]);
      if (!l || !r) return;
      onDone();
      useCompare.getState().open(l, r);
    } finally {
      setBusy(false);
    }
  };

  const options = (withRunning: boolean) => (
    <>
      {withRunning && source && <option value={RUNNING}>{runningLabel}</option>}
      {groups.map(([group, entries]) => (
        <optgroup key={group} label={group}>
          {entries.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}
        </optgroup>
      ))}
    </>
  );
  return (
    <div className="popover compare-picker" role="dialog" aria-label="Compare two designs">
      <div className="popover-title">Compare two designs</div>
      <p className="hint">Both run to their end on the same seed (the left file's), side by side.</p>
      <label className="compare-pick">
        <span>Left</span>
        <select ref={first} className="select" aria-label="Left design" value={left} onChange={(e) => setLeft(e.target.value)}>{options(true)}</select>
      </label>
      <label className="compare-pick">
        <span>Right</span>
        <select className="select" aria-label="Right design" value={right} onChange={(e) => setRight(e.target.value)}>{options(true)}</select>
      </label>
      <div className="row compare-pick-go">
        <button type="button" className="btn primary" disabled={busy || !left || !right} onClick={() => void go()}>Compare</button>
        {left === right && <span className="hint">The same design on both sides: useful only with each file's own seed.</span>}
      </div>
    </div>
  );
}

const CompareIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <path d="M2 2.5h5v11H2zM9 2.5h5v11H9z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
  </svg>
);
