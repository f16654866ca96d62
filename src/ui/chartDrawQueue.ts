/**
 * Chart redraws, one per task. A d3 redraw of one chart is a few ms of SVG
 * work; drawn inside the React commit that brought new points, all the
 * charts together made one task of 40–90 ms right after Play (the first
 * draws build every axis), a stutter the page must not have. Queued, each
 * chart draws in its own task, and frames and input come in between.
 *
 * A chart queued again before its turn keeps its place and draws the newest
 * picture once. `flushChartDraws` draws everything waiting at once, for an
 * export that must show what the panel is about to show.
 */

type Draw = () => void;

const waiting = new Map<object, Draw>();
let scheduled = false;

/** Draw `chart` (any stable key, e.g. its element) in a task of its own soon. Returns a cancel. */
export function queueChartDraw(chart: object, draw: Draw): () => void {
  waiting.set(chart, draw);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drawNext, 0);
  }
  return () => {
    if (waiting.get(chart) === draw) waiting.delete(chart);
  };
}

/** Draw every waiting chart now. */
export function flushChartDraws(): void {
  while (waiting.size > 0) drawOne();
}

function drawOne(): void {
  const [chart, draw] = waiting.entries().next().value as [object, Draw];
  waiting.delete(chart);
  draw();
}

function drawNext(): void {
  scheduled = false;
  if (waiting.size === 0) return;
  try {
    drawOne();
  } finally {
    if (waiting.size > 0) {
      scheduled = true;
      setTimeout(drawNext, 0);
    }
  }
}
