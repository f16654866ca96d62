/**
 * Scenario picker, file tools ("Open file…", New, Save, Share, Export),
 * transport (play/pause, step, speed) and the simulated clock.
 */
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, type CatalogEntry } from '../store';
import { SPEEDS, type Speed } from '../worker/protocol';
import { formatClock } from './format';
import { BrandMark, OpenIcon, PauseIcon, PlayIcon, RestartIcon, StepIcon } from './icons';
import { ExportMenu } from './ExportMenu';
import { CompareButton } from './compare/CompareButton';
import { NEW_SCENARIO_FILE, NEW_SCENARIO_TEMPLATE, saveScenario } from './scenarioFile';
import { ShareButton, ShareNotice } from './SharePopover';
import { NewIcon, SaveIcon } from './toolIcons';
import { ThemeToggle } from './ThemeToggle';

export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand" title="Microcosm"><BrandMark /><span className="brand-name">Microcosm</span></div>
      <div className="divider" />
      <ScenarioPicker />
      <div className="group file-tools">
        <OpenFileButton />
        <NewButton />
        <SaveButton />
        <ShareButton />
        <ExportMenu />
        <CompareButton />
      </div>
      <div className="divider" />
      <Transport />
      <div className="spacer" />
      <Clock />
      <ThemeToggle />
      <ShareNotice />
    </header>
  );
}

function ScenarioPicker() {
  const { catalog, selected, pending } = useApp(useShallow((s) => ({ catalog: s.catalog, selected: s.pending?.key ?? s.source?.key ?? '', pending: s.pending })));
  const selectScenario = useApp((s) => s.selectScenario);
  const groups: [string, CatalogEntry[]][] = [];
  for (const e of catalog) {
    const g = groups.find(([name]) => name === e.group);
    if (g) g[1].push(e);
    else groups.push([e.group, [e]]);
  }
  return (
    <label className="group picker">
      <span className="visually-hidden">Scenario</span>
      <select
        className="select"
        aria-label="Scenario"
        value={selected}
        disabled={catalog.length === 0}
        aria-busy={pending !== null}
        onChange={(e) => selectScenario(e.target.value)}
      >
        {selected === '' && <option value="">{catalog.length ? 'Choose a scenario…' : 'No bundled scenarios'}</option>}
        {groups.map(([group, entries]) => (
          <optgroup key={group} label={group}>
            {entries.map((e) => {
              // "Validation: M/M/1 …" under the Validation group reads better without the prefix.
              const prefix = e.group.split(' ')[0] + ': ';
              const name = e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name;
              return (
                <option key={e.key} value={e.key} title={e.summary}>
                  {e.summary ? `${name} · ${e.summary}` : name}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function OpenFileButton() {
  const input = useRef<HTMLInputElement>(null);
  const openFile = useApp((s) => s.openFile);
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be opened again after an edit
    if (!file) return;
    const text = await file.text();
    openFile(file.name, text);
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => input.current?.click()} aria-label="Open file…" title="Open a scenario file (YAML or JSON)">
        <OpenIcon /><span className="btn-label open-label">Open file…</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        aria-label="Scenario file"
        data-testid="open-file-input"
        hidden
        onChange={onChange}
      />
    </>
  );
}

/** Opens the template as a new file (`new-scenario.yaml`, or `-2`, `-3`… so no opened file is replaced). */
function NewButton() {
  const openFile = useApp((s) => s.openFile);
  const onClick = () => {
    const taken = new Set(useApp.getState().catalog.map((e) => e.file));
    let name = NEW_SCENARIO_FILE;
    for (let i = 2; taken.has(name); i++) name = NEW_SCENARIO_FILE.replace(/\.yaml$/, `-${i}.yaml`);
    openFile(name, NEW_SCENARIO_TEMPLATE);
  };
  return (
    <button type="button" className="btn" onClick={onClick} aria-label="New scenario"
      title="Start from a small template scenario (one service, one workload)">
      <NewIcon /><span className="btn-label">New</span>
    </button>
  );
}

/** Downloads the running scenario with the recorded live actions appended (replays this run). */
function SaveButton() {
  const { source, recorded } = useApp(useShallow((s) => ({ source: s.source, recorded: s.recorded })));
  const n = recorded.length;
  return (
    <button type="button" className="btn" disabled={!source} aria-label="Save scenario"
      onClick={() => source && void saveScenario(source, recorded, useApp.getState().layout)}
      title={source ? `Download the scenario as YAML${n ? ` with your ${n} recorded ${n === 1 ? 'action' : 'actions'}` : ''}` : 'No scenario is loaded yet'}>
      <SaveIcon /><span className="btn-label">Save</span>
    </button>
  );
}

/** Clicks on Restart within this long of it appearing were meant for Pause. */
const RESTART_GUARD_MS = 700;

function Transport() {
  const { playing, done, speed, hasRun, behind } = useApp(useShallow((s) => ({
    playing: s.status.playing, done: s.status.done, speed: s.status.speed, hasRun: s.meta !== null && s.invalid === null, behind: s.status.behind,
  })));
  const { togglePlay, step, setSpeed, restart } = useApp(useShallow((s) => ({ togglePlay: s.togglePlay, step: s.step, setSpeed: s.setSpeed, restart: s.restart })));
  // Play/Pause turns into Restart when the run ends: a click aimed at Pause that lands just
  // after (the page learns of the end a moment late at high speed) must not restart the run.
  const doneSince = useRef(0);
  useEffect(() => { if (done) doneSince.current = performance.now(); }, [done]);
  const restartIfMeant = () => { if (performance.now() - doneSince.current > RESTART_GUARD_MS) restart(); };
  return (
    <div className="group">
      {done ? (
        <button type="button" className="btn primary" onClick={restartIfMeant} aria-label="Restart" disabled={!hasRun}>
          <RestartIcon /> Restart
        </button>
      ) : (
        <button type="button" className="btn primary" onClick={togglePlay} disabled={!hasRun}
          aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (space)">
          {playing ? <><PauseIcon /> Pause</> : <><PlayIcon /> Play</>}
        </button>
      )}
      <button type="button" className="btn" onClick={() => step(1000)} disabled={!hasRun || done || playing}
        aria-label="Step 1 second" title="Advance 1 s of simulated time">
        <StepIcon /> Step
      </button>
      <div className="segmented" role="group" aria-label="Speed">
        {SPEEDS.map((s: Speed) => (
          <button key={s} type="button" aria-pressed={speed === s} aria-label={s === 'max' ? 'Speed max' : `Speed ${s}×`}
            onClick={() => setSpeed(s)}>
            {s === 'max' ? 'max' : `${s}×`}
          </button>
        ))}
      </div>
      {behind && <span className="badge warn" role="status" title="The simulation cannot keep up with this speed">behind real time</span>}
    </div>
  );
}

function Clock() {
  const { timeMs, durationMs, playing, done } = useApp(useShallow((s) => ({
    timeMs: s.snapshot?.timeMs ?? 0, durationMs: s.meta?.durationMs ?? 0, playing: s.status.playing, done: s.status.done,
  })));
  const frac = durationMs > 0 ? Math.min(1, timeMs / durationMs) : 0;
  return (
    <div className="group">
      {done ? <span className="badge ok">finished</span> : playing ? <span className="badge live">running</span> : <span className="badge">paused</span>}
      <div className="clock">
        <div className="clock-time" role="timer" aria-label="Simulated time" data-testid="sim-clock" data-ms={timeMs}>
          {formatClock(timeMs)} <span className="total">/ {formatClock(durationMs, 0)}</span>
        </div>
        <div className="progress" aria-hidden="true"><div style={{ width: `${(frac * 100).toFixed(2)}%` }} /></div>
      </div>
    </div>
  );
}
