// In-page instrumentation for the browser benchmark, added with
// page.addInitScript before any page script runs, identical for the app and
// the reference page: a requestAnimationFrame counter, 'longtask' and
// 'long-animation-frame' observers, and (on the app) samples of the
// window.__microcosm hooks. Plain JS on purpose: it is passed as text, so no
// bundler or tsx helper can leak into the page. `window.__bench.start()` opens
// a measuring window, `stop()` closes it and returns its figures.
(() => {
  if (window.__bench) return;
  const b = { longTasks: [], loafs: [], running: false, markAt: 0 };
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) fn(e); }).observe({ type, buffered: true });
      return true;
    } catch {
      return false;
    }
  };
  b.hasLongTask = observe('longtask', (e) => b.longTasks.push({ start: e.startTime, duration: e.duration }));
  b.hasLoaf = observe('long-animation-frame', (e) => {
    b.loafs.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL, duration: s.duration })),
    });
  });

  let frames = 0, last = 0, intervals = [], samples = [], sampler = 0, t0 = 0, sim0 = 0;
  const hooks = () => window.__microcosm;
  const tick = (t) => {
    if (!b.running) return;
    frames++;
    if (last) intervals.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  const sample = () => {
    const h = hooks();
    if (h) samples.push({ t: performance.now(), dots: h.dots, simTimeMs: h.simTimeMs, simRate: h.simRate, nodes: h.nodeCount, edges: h.edgeCount });
  };
  const quantile = (xs, q) => {
    if (!xs.length) return 0;
    const s = xs.slice().sort((x, y) => x - y);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))];
  };
  const mean = (xs) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : 0);

  /** Remember now (e.g. when Play was pressed): stop() also reports long tasks since then. */
  b.mark = () => { b.markAt = performance.now(); };

  b.start = () => {
    frames = 0; last = 0; intervals = []; samples = [];
    t0 = performance.now();
    sim0 = hooks() ? hooks().simTimeMs : 0;
    b.running = true;
    requestAnimationFrame(tick);
    sample();
    sampler = setInterval(sample, 200);
    return t0;
  };

  b.stop = () => {
    const t1 = performance.now();
    b.running = false;
    clearInterval(sampler);
    sample();
    const wallMs = t1 - t0;
    const inWin = (e) => e.start >= t0 && e.start < t1;
    const lt = b.longTasks.filter(inWin);
    const ltMark = b.markAt ? b.longTasks.filter((e) => e.start >= b.markAt && e.start < t1) : [];
    const lf = b.loafs.filter(inWin);
    // Script time inside long animation frames, by who ran it (minified names on the app).
    const byScript = new Map();
    for (const f of lf) for (const s of f.scripts) {
      const k = `${s.invoker || '?'} | ${s.fn || '?'} | ${(s.url || '').split('/').pop()}`;
      byScript.set(k, (byScript.get(k) || 0) + s.duration);
    }
    const h = hooks();
    const sim1 = h ? h.simTimeMs : 0;
    const dots = samples.map((s) => s.dots);
    const rates = samples.map((s) => s.simRate).filter((r) => r > 0);
    return {
      wallMs,
      frames,
      fps: (frames * 1000) / wallMs,
      frameP50: quantile(intervals, 0.5),
      frameP95: quantile(intervals, 0.95),
      frameMax: intervals.length ? Math.max(...intervals) : 0,
      longTasks: lt.length,
      longTaskMax: lt.length ? Math.max(...lt.map((e) => e.duration)) : 0,
      longTasksSinceMark: ltMark.length,
      longTaskMaxSinceMark: ltMark.length ? Math.max(...ltMark.map((e) => e.duration)) : 0,
      hasLongTask: b.hasLongTask,
      loafs: lf.length,
      loafMax: lf.length ? Math.max(...lf.map((e) => e.duration)) : 0,
      loafScripts: [...byScript.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8),
      dotsMean: mean(dots),
      dotsMin: dots.length ? Math.min(...dots) : 0,
      dotsMax: dots.length ? Math.max(...dots) : 0,
      simMs: sim1 - sim0,
      simRateMean: mean(rates),
      nodes: h ? h.nodeCount : 0,
      edges: h ? h.edgeCount : 0,
    };
  };
  window.__bench = b;
})();
