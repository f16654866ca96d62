/** Page entry: the store, the simulation worker, the bundled scenarios, then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { receiveFromWorker, setPort, useApp } from './store';
import { loadOpened } from './store/autosave';
import { openedEntry } from './store/sessionSlice';
import { App } from './ui/App';
import { bundledScenarios, DEFAULT_SCENARIO } from './ui/catalog';
import { installTestHooks } from './ui/testHooks';
import { startSimWorker } from './worker/client';
import './ui/styles.css';

const worker = startSimWorker(receiveFromWorker, (message) => useApp.setState({ failure: message }));
setPort(worker);

const catalog = bundledScenarios();
const opened = loadOpened();
useApp.getState().setCatalog(opened ? [...catalog, openedEntry(opened.file, opened.text)] : catalog);
const first = catalog.find((e) => e.key === DEFAULT_SCENARIO) ?? catalog[0];
if (first) useApp.getState().selectScenario(first.key);

installTestHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
