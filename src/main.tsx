/**
 * Page entry: the store, the simulation worker, the bundled scenarios, then
 * React. A share link in the hash (`#s=…`) opens its scenario instead of the default.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { receiveFromWorker, setPort, useApp } from './store';
import { loadOpened } from './store/autosave';
import { browserInboxHost, createInbox } from './store/inbox';
import { openedEntry } from './store/sessionSlice';
import { App } from './ui/App';
import { bundledScenarios, DEFAULT_SCENARIO } from './ui/catalog';
import { isShareHash } from './ui/share';
import { openShareHash, watchShareHash } from './ui/shareSession';
import { installTestHooks } from './ui/testHooks';
import { initTheme } from './ui/theme';
import { startSimWorker } from './worker/client';
import './ui/styles.css';

// Snapshots arriving between two frames reach the store as one (store/inbox.ts).
const worker = startSimWorker(createInbox(receiveFromWorker, browserInboxHost), (message) => useApp.setState({ failure: message }));
setPort(worker);

const catalog = bundledScenarios();
const opened = loadOpened();
useApp.getState().setCatalog(opened ? [...catalog, openedEntry(opened.file, opened.text)] : catalog);
const first = catalog.find((e) => e.key === DEFAULT_SCENARIO) ?? catalog[0];
// A damaged link falls back to the default scenario, with a notice saying what is wrong.
if (isShareHash(location.hash)) void openShareHash(location.hash, first?.key ?? null);
else if (first) useApp.getState().selectScenario(first.key);
watchShareHash();

installTestHooks();
// Before the first render: no dark flash for a light choice, and the canvas starts in the right palette.
initTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
