/**
 * Page entry: the store, the simulation worker, the bundled scenarios, then
 * React. A share link in the hash (`#s=…`) opens its scenario instead of the default.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { receiveFromWorker, setPort, useApp } from './store';
import { loadOpened } from './store/autosave';
import { openedEntry } from './store/sessionSlice';
import { App } from './ui/App';
import { bundledScenarios, DEFAULT_SCENARIO } from './ui/catalog';
import { isShareHash } from './ui/share';
import { openShareHash, watchShareHash } from './ui/shareSession';
import { installTestHooks } from './ui/testHooks';
import { startSimWorker } from './worker/client';
import './ui/styles.css';

const worker = startSimWorker(receiveFromWorker, (message) => useApp.setState({ failure: message }));
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
