/**
 * The request path from the page: kill an instance or inject a fault by
 * clicking the topology, see the breakers open, the errors rise and the
 * fault listed with the time it has left; every action is recorded.
 */
import { test, expect } from './fixtures';

/** `front` calls `back` through a small breaker (opens after 5 calls at ≥ 50 % failures). */
const FRONT_BACK = `version: 1
name: Front and back
description: front calls back through a circuit breaker; kill back and watch it open.
seed: 11
duration: 2m
services:
  front:
    instances: 2
    workers: 16
    endpoints:
      get:
        - cpu: exp(2ms)
        - call: back.get
          timeout: 200ms
          breaker: { window: 10, minCalls: 5, failureRate: 50%, open: 10s, halfOpenCalls: 2 }
  back:
    instances: 2
    workers: 8
    endpoints:
      get:
        - cpu: exp(10ms)
workload:
  - name: users
    route: front.get
    rate: 50/s
`;

async function openFrontBack(app: import('./pages/AppPage').AppPage): Promise<void> {
  await app.open();
  await app.topBar.openFile('front-back.yaml', FRONT_BACK);
  await expect(app.page.getByTestId('scenario-name')).toHaveText('Front and back');
}

test('killing back from the canvas opens the breakers and the errors rise', async ({ app, page }) => {
  await openFrontBack(app);
  await app.runUntil(6_000);
  // Healthy: breakers closed, no errors.
  expect(await app.breakers('front', 'back')).toMatchObject({ open: 0, halfOpen: 0 });
  expect(await app.charts.errorsLast()).toBe(0);

  // Click an instance cell of back on the canvas: the inspector opens on back.
  await app.topology.clickInstance('back', 1);
  await expect(app.inspector.root.getByTestId('inspector')).toHaveAttribute('data-service', 'back');
  await expect(app.inspector.root.getByTestId('picked-instance')).toContainText('instance 2: ready');
  await expect(app.inspector.breakers('front', 'back')).toHaveAttribute('data-open', '0');

  await app.inspector.duration('60s');
  await app.inspector.kill('all');
  await expect(app.load.recorded()).toHaveCount(1);
  await expect(app.load.recorded().first()).toContainText('kill back × all for 1m');
  // Sent while paused: listed as pending until the run continues.
  await expect(app.faults.pending()).toContainText('kill back × all');

  await app.topBar.play();
  await expect(app.inspector.root.getByTestId('instance-states')).toHaveAccessibleName(/0 ready, 0 starting, 2 dead/);
  // Both front instances' breakers towards back open (or probe half-open, then open again).
  await expect.poll(async () => (await app.breakers('front', 'back'))?.open ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(app.inspector.breakers('front', 'back')).toHaveAttribute('aria-label', /[12] open/);
  // The charts followed the selection to back (which gets no requests now): all routes again.
  await expect(app.charts.scope).toHaveValue('service:back');
  await app.charts.pickScope('All routes');
  // The throughput chart's errors rise to most of the traffic (50/s offered).
  await expect.poll(() => app.charts.errorsLast(), { timeout: 10_000 }).toBeGreaterThan(25);
  await app.topBar.pause();
  await expect(app.charts.throughput.locator('text.err-readout')).toHaveText(/^errors \d+(\.\d)?\/s · \d+%$/);
  await expect(app.charts.throughput.locator('path.errors')).toHaveAttribute('d', /^M/);
  await page.waitForTimeout(100);
  await app.screenshot('07-breaker-open');
});

test('an errors fault from the inspector is listed with its time left, then ends', async ({ app, page }) => {
  await openFrontBack(app);
  await app.runUntil(3_000);
  // The keyboard path: the inspector's own service select.
  await app.inspector.choose('back');
  await app.inspector.duration('10s');
  await app.inspector.errors(40);
  await app.inspector.choose('front');
  await app.inspector.duration('until end');
  await app.inspector.latency(150);
  await expect(app.load.recorded()).toHaveCount(2);
  await expect(app.load.recorded().nth(0)).toContainText('errors back 40% for 10s');
  await expect(app.load.recorded().nth(1)).toContainText('latency front +150ms');
  await expect(app.load.recorded().nth(1)).not.toContainText(' for ');
  const recorded = await app.hook<{ atMs: number; forMs: number | null; action: unknown }[]>('recorded');
  expect(recorded[0]).toMatchObject({ forMs: 10_000, action: { kind: 'errors', service: 'back', rate: 0.4 } });
  expect(recorded[1]).toMatchObject({ forMs: null, action: { kind: 'latency', service: 'front', add: { kind: 'const', value: 150 } } });

  // Paused: the model applies them when the run continues.
  await expect(app.faults.pending()).toHaveCount(2);
  await app.topBar.speed('1×');
  await app.topBar.play();
  const errors = app.faults.items('errors');
  await expect(errors).toHaveCount(1);
  await expect(app.faults.pending()).toHaveCount(0);
  await expect(errors).toContainText('back');
  await expect(errors).toContainText('40% errors');
  await expect(errors.getByTestId('fault-left')).toHaveText(/^\d+\.\ds left$/);
  await expect(app.faults.items('latency').getByTestId('fault-left')).toHaveText('until end');
  // Time left counts down with simulated time.
  const left = async () => Number((await errors.getByTestId('fault-left').textContent())!.replace('s left', ''));
  const first = await left();
  // A couple of simulated seconds, so the chart shows the errors too.
  await expect.poll(left).toBeLessThan(first - 2);
  await app.topBar.pause();
  await expect.poll(() => app.charts.errorsLast()).toBeGreaterThan(0);
  await app.screenshot('08-fault-panel');

  // After its 10 s the errors fault is gone; the permanent one stays.
  await app.topBar.speed('10×');
  await app.topBar.play();
  await expect(errors).toHaveCount(0, { timeout: 10_000 });
  await expect(app.faults.items('latency')).toHaveCount(1);
  expect(await app.topBar.simTimeMs()).toBeGreaterThanOrEqual(13_000);
  await page.waitForTimeout(50);
});

test('kill the instance picked on the canvas; scale up and down: starting, draining, recorded as set', async ({ app, page }) => {
  await openFrontBack(app);
  await app.runUntil(3_000);
  await app.topology.clickInstance('back', 1);
  await expect(app.inspector.root.getByTestId('picked-instance')).toContainText('instance 2: ready');
  await app.inspector.duration('60s');
  await app.inspector.killPicked();
  await expect(app.load.recorded().last()).toContainText('kill back instance 2 for 1m');
  const recorded = await app.hook<{ action: unknown }[]>('recorded');
  expect(recorded.at(-1)).toMatchObject({ action: { kind: 'kill', service: 'back', instance: 2 } });

  // Scale back up by one and front down by one: both permanent (a setting, not a fault).
  await expect(app.inspector.replicas()).toHaveText('2');
  await app.inspector.scale('up');
  await expect(app.load.recorded().last()).toContainText('scale back to 3');
  await app.topBar.play();
  await expect(app.inspector.states()).toHaveAccessibleName(/1 ready, 1 starting, 1 dead/);
  await expect(app.inspector.replicas()).toHaveText('3');
  await app.topBar.pause();
  await app.screenshot('09-scale-up-starting');
  // The new instance (#3) becomes ready after its 5 s cold start and takes traffic.
  await app.topBar.play();
  await expect(app.inspector.states()).toHaveAccessibleName(/2 ready, 0 starting/, { timeout: 10_000 });
  await app.topBar.pause();

  await app.inspector.choose('front');
  await expect(app.inspector.replicas()).toHaveText('2');
  await app.inspector.scale('down');
  await expect(app.load.recorded().last()).toContainText('scale front to 1');
  const items = await app.hook<{ forMs: number | null; action: unknown }[]>('recorded');
  expect(items.at(-1)).toMatchObject({ forMs: null, action: { kind: 'scale', service: 'front', instances: 1 } });
  await app.topBar.play();
  await expect(app.inspector.replicas()).toHaveText('1');
  await expect(app.inspector.states()).toHaveAccessibleName(/^1 ready/);
  await app.topBar.pause();
  await page.waitForTimeout(50);
  await app.screenshot('10-scaled-down');
});

test('inspector settings: workers edited live are recorded as set; a scaled-down instance drains on the canvas', async ({ app, page }) => {
  await app.open();
  // Slow jobs, so the removed instance is still finishing them when we look.
  await app.topBar.openFile('slow.yaml', `version: 1
name: Slow jobs
duration: 5m
services:
  api:
    instances: 2
    workers: 4
    endpoints:
      get: [ { cpu: 4s } ]
workload:
  - { name: users, route: api.get, rate: 1/s, arrivals: uniform }
`);
  await expect(page.getByTestId('scenario-name')).toHaveText('Slow jobs');
  await app.runUntil(10_000);
  await app.inspector.choose('api');
  const workers = app.inspector.root.getByRole('textbox', { name: 'Workers per instance' });
  await expect(workers).toHaveValue('4');
  await workers.fill('6');
  await app.inspector.root.getByRole('button', { name: 'Apply workers' }).click();
  await expect(app.load.recorded().last()).toContainText('api workers → 6');
  await app.inspector.scale('down');
  await expect(app.load.recorded().last()).toContainText('scale api to 1');
  await app.topBar.speed('1×');
  await app.topBar.play();
  await expect(app.inspector.states()).toHaveAccessibleName(/1 draining/);
  await app.topBar.pause();
  await expect(workers).toHaveValue('6');
  await app.screenshot('11-draining-and-settings');
  const items = await app.hook<{ forMs: number | null; action: unknown }[]>('recorded');
  expect(items.map((i) => i.action)).toEqual([
    { kind: 'setting', service: 'api', key: 'workers', value: 6 },
    { kind: 'scale', service: 'api', instances: 1 },
  ]);
});
