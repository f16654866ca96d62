/**
 * The World: builds runtime structures from a frozen Scenario and runs the
 * request path on the engine's clock — clients send requests, instances
 * admit, queue or reject them, steps hold workers (threads model), sync calls
 * wait for their callee, timeline actions crash instances and change load.
 * It emits facts into metrics/ and answers snapshots and the report; it owns
 * no wall clock and no global randomness (DESIGN rule 1).
 */
import type { Action, Scenario, TimelineItem, RatePoint } from '../scenario/types';
import type { Uniform } from '../engine/rng';
import { Scheduler } from '../engine/scheduler';
import { RandomStreams } from '../engine/rng';
import { sampler } from '../engine/distributions';
import { log } from '../engine/fmath';
import { Digest } from '../engine/digest';
import { defaultLimits, type RunLimits, type Stop } from '../engine/limits';
import { EdgeStats, Outcome, RouteStats, ServiceStats } from '../metrics/stats';
import { TraceStore, hexId, type KeptBecause, type Span, type SpanStatus, type Trace } from '../metrics/traces';
import type { Report } from '../metrics/report';
import { edgeKey, type WorldSnapshot, type SeriesPoint, type ServiceSeriesPoint, type EdgeSeriesPoint } from './snapshot';
import { EdgeSeries, ServiceSeries } from './detailSeries';
import { compileServices, StepKind, type CompiledEndpoint, type CompiledService, type CompiledStep } from './compile';
import { Instance } from './instance';
import { Job } from './job';
import { ClientRequest, SourceRt } from './client';
import { Attempt, type CallStep, type PendingRetry } from './attempt';
import { Breaker } from './breaker';
import { backoffMs } from './backoff';
import { pickInstance } from './balancer';
import { Faults } from './faults';
import type { Caller } from './caller';
import { nextArrival, rateAt } from './arrivals';
import { buildReport, type WindowCollector } from './report';
import { HopKind, HopRing } from './hops';
import { EventLog } from './eventLog';
import type { LogEntry } from './snapshot';

/** Event kinds. Model kinds go into the digest; Tick does not. */
const enum Ev {
  SourceArrival = 1,
  UserSend = 2,
  JobArrive = 3,
  CpuDone = 4,
  CallReturn = 5,
  ClientTimeout = 6,
  Timeline = 7,
  InstanceRestart = 8,
  InstanceReady = 9,
  Undo = 10,
  CallTimeout = 11,
  RetryCall = 12,
  Respond = 13,
  LeaseExpired = 14,
  ViewRefresh = 15,
  EndpointRemoved = 16,
  Tick = 17,
  GraceExpired = 18,
  Probe = 19,
}

/** An edge's failure counters at the last log line, and the interval's first failed request (-1: none). */
interface EdgeSeen { errors: number; timeouts: number; refused: number; rejected: number; failedReq: number }

/** A kept request: its jobs are turned into spans on demand. */
interface KeptTrace {
  readonly req: ClientRequest;
  readonly jobs: Job[];
  readonly endMs: number;
  readonly outcome: Outcome;
  readonly degraded: boolean;
  readonly startMs: number;
  readonly keptBecause: KeptBecause;
}

/** Spans kept per trace: a retry storm can cause thousands of jobs for one request. */
const MAX_SPANS_PER_TRACE = 256;

/** Traces the event log points at, kept beyond the sample's rings. */
const MAX_PINNED_TRACES = 200;

/** Breaker state changes kept per edge in the report. */
const MAX_BREAKER_LOG = 200;

/** Keep 1 % of ordinary (fast, successful) requests' traces: a hash of the id, no random draw on the hot path. */
const sampledOut = (id: number): boolean => Math.imul(id, 0x9e3779b1) >>> 0 >= 0x028f5c29;
const OUTCOME_STATUS: Record<Outcome, SpanStatus> = { [Outcome.Ok]: 'ok', [Outcome.Error]: 'error', [Outcome.Rejected]: 'rejected', [Outcome.Timeout]: 'timeout' };

/** semantics.md: the kubelet sees a crashed container's exit within a second or so. */
const EXIT_DETECTION_MS = 1000;

/** semantics.md: a readiness probe times out after timeoutSeconds 1. */
const PROBE_TIMEOUT_MS = 1000;

/** semantics.md: a removed pod drains in-flight requests for up to terminationGracePeriodSeconds (30 s). */
const GRACE_MS = 30_000;

/** semantics.md: CrashLoopBackOff doubles up to 5 min, resets after 10 min running cleanly. */
const MAX_RESTART_BACKOFF_MS = 5 * 60_000;
const BACKOFF_RESET_MS = 10 * 60_000;

interface User {
  readonly source: SourceRt;
  readonly index: number;
}

export interface WorldOptions {
  readonly limits?: Partial<RunLimits>;
  /** Record messages on the wire for the view's moving dots (the page; the CLI does not). */
  readonly hops?: boolean;
  /** Keep an event log in words for the page (crashes, breakers, faults, failures per interval). */
  readonly log?: boolean;
}

/** Dots per snapshot at most: enough to see the traffic, few enough to draw. */
const HOPS_PER_SNAPSHOT = 240;

/** How an ended job's answer is coloured: rejected (503) and errors alike are failures. */
const HOP_OUTCOME: Record<Outcome, number> = { [Outcome.Ok]: 0, [Outcome.Error]: 1, [Outcome.Rejected]: 1, [Outcome.Timeout]: 2 };
const HOP_TIMEOUT = 2, HOP_REFUSED = 3;

export class World {
  readonly scenario: Scenario;
  private readonly sched = new Scheduler(4096);
  private readonly rng: RandomStreams;
  private readonly trace = new Digest();
  private readonly limits: RunLimits;
  private readonly services: CompiledService[];
  private readonly instances: Instance[][] = [];
  private readonly ready: Instance[][] = [];
  private readonly running: Job[][] = [];
  /**
   * What callers can find, per service: client mode, the registry (instances
   * with a live lease), read through each caller's cached view; server mode,
   * the endpoints (ready instances, a crash removed after exit detection).
   * Immutable arrays, replaced on change, so a cached view is just a reference.
   */
  private readonly found: (readonly Instance[])[] = [];
  private readonly serviceStats: ServiceStats[] = [];
  private readonly routes = new Map<string, RouteStats>();
  private readonly edges: EdgeStats[] = [];
  private readonly edgeIndex = new Map<string, number>();
  /** Per service / per edge: the live charts' interval series (display only). */
  private readonly serviceSeries: ServiceSeries[] = [];
  private readonly edgeSeries: EdgeSeries[] = [];
  /** When the last series interval closed. */
  private closedAt = 0;
  private readonly sources: SourceRt[] = [];
  private readonly sourceByName = new Map<string, SourceRt>();
  private readonly windows: WindowCollector[][] = [];
  private readonly intervalMs: number;
  private readonly warmupMs: number;
  private nextId = 1;
  private nextInstanceId = 0;
  /** Per service: the workers and queue new instances get (the file's, until a `set` changes them). */
  private readonly capacity: { workers: number; queue: number }[] = [];
  private liveJobs = 0;
  private stop: Stop | null = null;
  private readonly faults: Faults;
  private readonly faultErrors: Uniform;
  /** Per callee service: draws of its random / p2c balancers. */
  private readonly balance: Uniform[];
  /** Per edge: some call on it carries a breaker. */
  private readonly edgeHasBreaker: boolean[] = [];
  /** Per callee service: its balancer reads callers' in-flight counts (least-connections, p2c). */
  private readonly loadAware: boolean[];
  private readonly traceStore = new TraceStore<KeptTrace>();
  /** Traces the event log points at, kept apart so a burst of failures does not push them out. */
  private readonly pinnedTraces: KeptTrace[] = [];
  private readonly hops: HopRing | null;
  private readonly log: EventLog | null;
  /** Per edge: cumulative failure counters at the last interval close, and the last failed request's id. */
  private readonly edgeSeen: EdgeSeen[] = [];
  /** Service name → index. */
  private readonly serviceIndexOf: ReadonlyMap<string, number>;

  constructor(scenario: Scenario, options: WorldOptions = {}) {
    this.scenario = scenario;
    this.limits = { ...defaultLimits, ...options.limits };
    this.hops = options.hops ? new HopRing() : null;
    this.log = options.log ? new EventLog() : null;
    this.rng = new RandomStreams(scenario.seed);
    this.warmupMs = scenario.warmupMs;
    // About 1 s per point, coarser for long runs so a chart holds ≤ ~2000 points.
    this.intervalMs = Math.max(1000, Math.ceil(scenario.durationMs / 2000 / 1000) * 1000);
    this.services = compileServices(scenario, this.rng, { index: (a, b) => this.edgeFor(a, b) });
    const serviceIndex = (this.serviceIndexOf = new Map(scenario.services.map((s, i) => [s.name, i] as const)));
    this.faults = new Faults(serviceIndex, this.rng.stream('faults:latency'));
    this.faultErrors = this.rng.stream('faults:errors');
    this.balance = scenario.services.map((s) => this.rng.stream(`balancer:${s.name}`));
    this.loadAware = scenario.services.map((s) => s.balancer === 'least-connections' || s.balancer === 'p2c');
    const markBreakers = (steps: readonly CompiledStep[]): void => {
      for (const st of steps) {
        if (st.kind === StepKind.Call && st.options.breaker) this.edgeHasBreaker[st.edge] = true;
        else if (st.kind === StepKind.Parallel) st.branches.forEach(markBreakers);
      }
    };
    for (const svc of this.services) for (const ep of svc.endpoints.values()) markBreakers(ep.steps);

    const nServices = scenario.services.length;
    scenario.services.forEach((s, i) => {
      const list: Instance[] = [];
      for (let k = 0; k < s.instances; k++) list.push(this.newInstance(i, k + 1));
      this.instances.push(list);
      this.ready.push(list.slice());
      this.found.push(list.slice());
      this.running.push([]);
      const st = new ServiceStats();
      st.readyMin = st.readyMax = list.length;
      this.serviceStats.push(st);
      this.serviceSeries.push(new ServiceSeries());
    });

    scenario.workload.forEach((def, index) => {
      const svc = this.services[scenario.services.findIndex((s) => s.name === def.service)];
      const entry = svc.endpoints.get(def.endpoint)!;
      let route = this.routes.get(def.route);
      if (!route) this.routes.set(def.route, (route = new RouteStats(def.route)));
      const src = new SourceRt(
        index, def, entry, route, this.edgeFor(`client:${def.name}`, def.service),
        this.rng.stream(`arrivals:${def.name}`),
        def.kind === 'closed' ? sampler(def.think) : null,
        this.rng.stream(`think:${def.name}`),
        nServices,
      );
      this.sources.push(src);
      this.sourceByName.set(def.name, src);
      this.windows.push([]);
    });

    for (const e of scenario.expect) {
      if (e.subject.kind !== 'route' || !e.during) continue;
      const subject = e.subject;
      const c: WindowCollector = { expectation: e, stats: new RouteStats(subject.route) };
      this.sources.forEach((src, i) => { if (src.def.route === subject.route) this.windows[i].push(c); });
    }

    // Start the clients.
    for (const src of this.sources) {
      if (src.def.kind === 'open') this.scheduleArrival(src);
      else {
        for (let u = 0; u < src.def.users; u++) {
          // Users start staggered by one think time, as if they had been browsing.
          const user: User = { source: src, index: u };
          this.sched.schedule(src.think!(src.thinkRng), Ev.UserSend, user);
        }
      }
    }
    for (const item of scenario.timeline) this.sched.schedulePriority(item.atMs, Ev.Timeline, item);
    if (scenario.discovery.mode === 'client') {
      // Every caller starts with the full registry and refreshes it on its own
      // 30 s cycle; the phases are spread so views do not all change at once.
      const callers = [...this.instances.flat().map((i) => i.caller), ...this.sources.map((src) => src.caller)];
      callers.forEach((c, k) => {
        c.views = this.found.slice();
        const phase = ((k * 0.6180339887498949) % 1) * scenario.discovery.refreshMs;
        this.sched.schedule(phase, Ev.ViewRefresh, c);
      });
    }
    if (scenario.discovery.mode === 'server') this.instances.flat().forEach((inst, k) => this.startProbing(inst, k));
    this.sched.schedule(this.intervalMs, Ev.Tick, null);
  }

  // ---- public API -------------------------------------------------------

  get now(): number {
    return this.sched.now;
  }

  get events(): number {
    return this.sched.fired;
  }

  get done(): boolean {
    return this.stop !== null || this.sched.now >= this.scenario.durationMs;
  }

  get stopped(): Stop | null {
    return this.stop;
  }

  digest(): string {
    return this.trace.hex();
  }

  /** Process every event with time < t (never past the scenario's duration). */
  runUntil(t: number): void {
    const end = Math.min(t, this.scenario.durationMs);
    const sched = this.sched;
    const maxPending = this.limits.maxPending, maxEvents = this.limits.maxEvents;
    while (this.stop === null && sched.pending > 0 && sched.peekTime() < end) {
      const kind = sched.pop();
      this.dispatch(kind, sched.poppedArg);
      if (sched.pending > maxPending) {
        this.halt('max-pending', `more than ${maxPending.toLocaleString('en')} events pending at once`);
      } else if (sched.fired >= maxEvents) {
        this.halt('max-events', `the run reached ${maxEvents.toLocaleString('en')} events`);
      }
    }
    if (this.stop === null && end > sched.now) sched.now = end;
    // The run's last interval ends with it: its tick is due at the end, which runUntil never passes.
    if (this.stop === null && sched.now === this.scenario.durationMs && sched.now - this.closedAt === this.intervalMs) this.closeInterval();
  }

  /** Run to the end of the scenario (or a run limit). */
  run(): void {
    this.runUntil(this.scenario.durationMs);
  }

  /** Apply a live action now; returns it as the timeline item that replays it. */
  apply(action: Action, forMs: number | null = null): TimelineItem {
    const item: TimelineItem = Object.freeze({ atMs: this.sched.now, forMs, action: Object.freeze({ ...action }) });
    this.sched.schedulePriority(item.atMs, Ev.Timeline, item);
    return item;
  }

  snapshot(): WorldSnapshot {
    const series: Record<string, SeriesPoint[]> = {};
    for (const [route, st] of this.routes) series[route] = st.series.takeNew();
    const serviceSeries: Record<string, ServiceSeriesPoint[]> = {};
    this.scenario.services.forEach((s, i) => { serviceSeries[s.name] = this.serviceSeries[i].points.takeNew(); });
    const edgeSeries: Record<string, EdgeSeriesPoint[]> = {};
    this.edges.forEach((e, i) => { edgeSeries[edgeKey(e.from, e.to)] = this.edgeSeries[i].points.takeNew(); });
    const load: Record<string, number> = {};
    for (const src of this.sources) {
      if (src.def.kind === 'open') {
        load[src.def.name] = rateAt(src.rate, this.sched.now) * 1000;
      } else load[src.def.name] = src.def.users;
    }
    return {
      timeMs: this.sched.now,
      events: this.sched.fired,
      intervalMs: this.intervalMs,
      services: this.scenario.services.map((s, i) => {
        let busy = 0, cap = 0;
        const instances = this.instances[i].filter((inst) => inst.state !== 'stopped').map((inst) => {
          if (inst.state === 'ready' || inst.state === 'draining') { busy += inst.busy; cap += inst.workers; }
          return {
            id: inst.id, n: inst.n, state: inst.state, busy: inst.busy, workers: inst.workers, queued: inst.queued, queueCap: inst.queueCap,
            arrived: inst.arrived, discoverable: this.found[i].includes(inst),
          };
        });
        const st = this.serviceStats[i];
        return {
          name: s.name, label: s.label, instances,
          requestsPerSec: st.lastPerSec, errorsPerSec: st.lastErrorsPerSec,
          utilization: cap > 0 ? busy / cap : 0,
        };
      }),
      edges: this.edges.map((e, i) => ({
        from: e.from, to: e.to, perSec: e.lastPerSec, errorShare: e.lastErrorShare,
        breakers: this.breakerStates(i),
      })),
      faults: this.faults.active(),
      hops: this.hops ? this.hops.take(HOPS_PER_SNAPSHOT, (e) => [this.edges[e].from, this.edges[e].to]) : [],
      log: this.log ? this.log.take(this.sched.now) : [],
      series,
      serviceSeries,
      edgeSeries,
      load,
      stopped: this.stop,
    };
  }

  report(wallMs = 0): Report {
    const nowMs = Math.min(this.sched.now, this.scenario.durationMs);
    for (const list of this.instances) for (const inst of list) inst.account(nowMs);
    return buildReport({
      scenario: this.scenario,
      simulatedMs: nowMs,
      events: this.sched.fired,
      wallMs,
      digest: this.digest(),
      stopped: this.stop,
      routes: this.routes,
      services: this.serviceStats,
      instances: this.instances,
      ready: this.ready,
      edges: this.edges,
      windows: this.windows.flat().filter((c, i, all) => all.indexOf(c) === i),
      inFlight: (route) => this.inFlightRequests(route),
    });
  }

  // ---- event dispatch ---------------------------------------------------

  private dispatch(kind: number, arg: unknown): void {
    const now = this.sched.now;
    switch (kind as Ev) {
      case Ev.SourceArrival: {
        const src = arg as SourceRt;
        if (src.nextAt !== now) return; // superseded by a load change
        this.trace.add(now, kind, src.index);
        this.send(src, -1);
        this.scheduleArrival(src);
        return;
      }
      case Ev.UserSend: {
        const user = arg as User;
        this.trace.add(now, kind, user.index);
        this.send(user.source, user.index);
        return;
      }
      case Ev.JobArrive: {
        const job = arg as Job;
        this.trace.add(now, kind, job.id);
        job.arrivedAt = now;
        this.admit(job);
        return;
      }
      case Ev.CpuDone: {
        const job = arg as Job;
        if (job.done) return;
        this.trace.add(now, kind, job.id);
        this.runSteps(job);
        return;
      }
      case Ev.CallReturn: {
        const child = arg as Job;
        this.trace.add(now, kind, child.id);
        this.settle(child.attempt!, child.outcome);
        return;
      }
      case Ev.CallTimeout: {
        const att = arg as Attempt;
        if (att.settled) return;
        this.trace.add(now, kind, att.job.id);
        if (att.child) att.child.abandoned = true;
        this.hops?.add(att.step.edge, now, now, HopKind.Answer, HOP_TIMEOUT, att.target.n);
        this.settle(att, Outcome.Timeout);
        return;
      }
      case Ev.RetryCall: {
        const r = arg as PendingRetry;
        if (r.job.done) return;
        this.trace.add(now, kind, r.job.id);
        this.attempt(r.job, r.step, r.number, r.backoffMs);
        return;
      }
      case Ev.Respond: {
        const job = arg as Job;
        this.trace.add(now, kind, job.id);
        this.respond(job);
        return;
      }
      case Ev.ClientTimeout: {
        const req = arg as ClientRequest;
        if (req.done) return;
        this.trace.add(now, kind, req.id);
        this.endRequest(req, Outcome.Timeout);
        return;
      }
      case Ev.Timeline: {
        const item = arg as TimelineItem;
        this.trace.add(now, kind, 0);
        this.act(item);
        return;
      }
      case Ev.InstanceRestart: {
        const inst = arg as Instance;
        if (inst.state !== 'dead') return;
        this.trace.add(now, kind, inst.id);
        inst.account(now);
        inst.state = 'starting';
        // A new process reads the registry afresh (client discovery); its refresh cycle carries on.
        if (inst.caller.views) inst.caller.views = this.found.slice();
        this.sched.schedule(now + this.scenario.services[inst.serviceIndex].startupMs, Ev.InstanceReady, inst);
        this.note('restart', this.serviceName(inst.serviceIndex), 'info', `instance ${inst.n} starting again (cold start ${this.scenario.services[inst.serviceIndex].startupMs / 1000} s)`);
        return;
      }
      case Ev.InstanceReady: {
        const inst = arg as Instance;
        if (inst.state !== 'starting') return;
        this.trace.add(now, kind, inst.id);
        inst.account(now);
        inst.state = 'ready';
        inst.readyAt = now;
        const list = this.ready[inst.serviceIndex];
        list.push(inst);
        list.sort((a, b) => a.id - b.id);
        this.noteReadyCount(inst.serviceIndex);
        this.note('ready', this.serviceName(inst.serviceIndex), 'info', `instance ${inst.n} ready`);
        // Registers (client mode, a new lease) or passes readiness (server mode).
        inst.registeredAt = now;
        inst.lease++;
        this.setFound(inst.serviceIndex, [...this.found[inst.serviceIndex].filter((i) => i !== inst), inst]);
        return;
      }
      case Ev.LeaseExpired: {
        const { inst, lease } = arg as { inst: Instance; lease: number };
        if (inst.lease !== lease) return; // it registered again meanwhile
        this.trace.add(now, kind, inst.id);
        this.setFound(inst.serviceIndex, this.found[inst.serviceIndex].filter((i) => i !== inst));
        return;
      }
      case Ev.EndpointRemoved: {
        const { inst, lease } = arg as { inst: Instance; lease: number };
        if (inst.lease !== lease) return;
        this.trace.add(now, kind, inst.id);
        this.setFound(inst.serviceIndex, this.found[inst.serviceIndex].filter((i) => i !== inst));
        return;
      }
      case Ev.ViewRefresh: {
        const c = arg as Caller;
        c.views = this.found.slice();
        this.sched.schedule(now + this.scenario.discovery.refreshMs, Ev.ViewRefresh, c);
        return;
      }
      case Ev.Undo: {
        const undo = arg as () => void;
        this.trace.add(now, kind, 0);
        undo();
        return;
      }
      case Ev.GraceExpired: {
        const { inst, epoch } = arg as { inst: Instance; epoch: number };
        if (inst.state !== 'draining' || inst.epoch !== epoch) return;
        this.trace.add(now, kind, inst.id);
        this.stopInstance(inst); // what it still holds fails: the pod is killed
        return;
      }
      case Ev.Probe: {
        this.probe(arg as Instance);
        return;
      }
      case Ev.Tick: {
        this.closeInterval();
        this.sched.schedule(now + this.intervalMs, Ev.Tick, null);
        return;
      }
    }
  }

  // ---- the event log ----------------------------------------------------

  private note(kind: LogEntry['kind'], service: string, severity: LogEntry['severity'], text: string, trace: string | null = null): void {
    this.log?.add({ t: this.sched.now, kind, service, severity, text, trace });
  }

  private traceId(reqId: number): string {
    const seed = this.scenario.seed | 0;
    return hexId(reqId, seed) + hexId(reqId ^ 0x5bd1e995, ~seed);
  }

  private serviceName(si: number): string {
    return this.scenario.services[si].name;
  }

  /** Once per interval: each edge's new failures, in one line, with one failed request to look at. */
  private noteFailures(): void {
    this.edges.forEach((e, i) => {
      const seen = this.seenOn(i);
      const rejected = e.breakerRejected + e.bulkheadRejected;
      const d = {
        timeouts: e.timeouts - seen.timeouts,
        refused: e.refused - seen.refused,
        errors: e.errors - seen.errors - (e.refused - seen.refused),
        rejected: rejected - seen.rejected,
      };
      seen.errors = e.errors; seen.timeouts = e.timeouts; seen.refused = e.refused; seen.rejected = rejected;
      const parts: string[] = [];
      if (d.timeouts > 0) parts.push(`${d.timeouts.toLocaleString('en')} timed out`);
      if (d.errors > 0) parts.push(`${d.errors.toLocaleString('en')} failed`);
      if (d.refused > 0) parts.push(`${d.refused.toLocaleString('en')} refused (instance gone)`);
      if (d.rejected > 0) parts.push(`${d.rejected.toLocaleString('en')} rejected by breaker or bulkhead`);
      if (parts.length === 0) return;
      const client = e.from.startsWith('client:');
      const who = client ? `requests of ${e.from.slice(7)} to ${e.to}` : `calls ${e.from} → ${e.to}`;
      const trace = seen.failedReq >= 0 ? this.pinTrace(seen.failedReq) : null;
      seen.failedReq = -1;
      this.note('failures', client ? e.to : e.from, d.timeouts + d.errors + d.refused > 0 ? 'error' : 'warn',
        `${who} in the last ${this.intervalMs / 1000} s: ${parts.join(', ')}`, trace);
    });
  }

  /** Keep the trace of a request the log names (if it was kept at all); its id, or null. */
  private pinTrace(reqId: number): string | null {
    const k = this.traceStore.findNewest((t) => t.req.id === reqId);
    if (!k) return null; // still in flight, or answered fine in the end
    if (!this.pinnedTraces.includes(k)) {
      this.pinnedTraces.push(k);
      if (this.pinnedTraces.length > MAX_PINNED_TRACES) this.pinnedTraces.shift();
    }
    return this.traceId(reqId);
  }

  private seenOn(edge: number): EdgeSeen {
    return (this.edgeSeen[edge] ??= { errors: 0, timeouts: 0, refused: 0, rejected: 0, failedReq: -1 });
  }

  /** Remember the interval's first failed request on an edge (the likeliest to have ended by the log line). */
  private failedOn(edge: number, req: ClientRequest | null): void {
    if (!this.log || !req) return;
    const seen = this.seenOn(edge);
    if (seen.failedReq < 0) seen.failedReq = req.id;
  }

  // ---- clients ----------------------------------------------------------

  private scheduleArrival(src: SourceRt): void {
    const work = src.def.kind === 'open' && src.def.arrivals === 'uniform' ? 1 : -log(src.arrivals());
    const at = nextArrival(src.rate, this.sched.now, work);
    src.nextAt = at;
    if (at < Infinity) this.sched.schedule(at, Ev.SourceArrival, src);
  }

  private send(src: SourceRt, user: number): void {
    const now = this.sched.now;
    const counted = now >= this.warmupMs;
    const req = new ClientRequest(this.nextId++, src, now, counted, user);
    src.route.arrived(counted);
    const windows = this.windows[src.index];
    for (let i = 0; i < windows.length; i++) windows[i].stats.arrived(inWindow(windows[i], now));
    src.inFlight++;
    if (counted) src.inFlightCounted++;
    if (src.def.timeoutMs !== null) this.sched.schedule(now + src.def.timeoutMs, Ev.ClientTimeout, req);
    const e = this.edges[src.edge];
    e.calls++; e.iCalls++;
    const s = src.entry.service;
    const inst = pickInstance(this.scenario.services[s].balancer, this.visible(src.caller, s), src.caller, s, this.balance[s]);
    if (!inst || inst.state !== 'ready') {
      // No instance known, or a stale view pointed at a dead one: connection refused.
      if (inst) e.refused++;
      this.hops?.add(src.edge, now, now, HopKind.Answer, HOP_REFUSED, inst ? inst.n : 0);
      this.endRequest(req, Outcome.Rejected);
      return;
    }
    req.target = inst.id;
    this.hops?.add(src.edge, now, now, HopKind.Call, 0, inst.n);
    if (this.loadAware[s]) src.caller.callStarted(inst.id);
    const job = this.newJob(src.entry, inst, null, req, src.edge);
    if (job) this.admit(job);
  }

  private endRequest(req: ClientRequest, outcome: Outcome, degraded = false): void {
    if (req.done) return;
    req.done = true;
    const src = req.source;
    if (this.hops && req.target >= 0) this.hops.add(src.edge, this.sched.now, this.sched.now, HopKind.Answer, HOP_OUTCOME[outcome], 0);
    src.inFlight--;
    if (req.counted) src.inFlightCounted--;
    if (req.target >= 0 && this.loadAware[src.entry.service]) src.caller.callEnded(req.target);
    const now = this.sched.now;
    src.route.ended(outcome, now - req.sentAt, req.counted, degraded);
    const e = this.edges[src.edge];
    if (outcome === Outcome.Timeout) { e.timeouts++; e.iErrors++; }
    else if (outcome !== Outcome.Ok) { e.errors++; e.iErrors++; }
    if (outcome !== Outcome.Ok) this.failedOn(src.edge, req);
    if (outcome === Outcome.Ok || outcome === Outcome.Error) {
      e.latency.record(now - req.sentAt);
      this.edgeSeries[src.edge].latency.record(now - req.sentAt);
    }
    this.keepTrace(req, outcome, degraded);
    const windows = this.windows[src.index];
    for (let i = 0; i < windows.length; i++) {
      windows[i].stats.ended(outcome, now - req.sentAt, inWindow(windows[i], req.sentAt), degraded);
    }
    if (req.user >= 0) {
      const user: User = { source: src, index: req.user };
      this.sched.schedule(now + src.think!(src.thinkRng), Ev.UserSend, user);
    }
  }

  // ---- instances and jobs -----------------------------------------------

  private newJob(endpoint: CompiledEndpoint, inst: Instance, attempt: Attempt | null, req: ClientRequest | null, edge: number): Job | null {
    if (++this.liveJobs > this.limits.maxInFlight) {
      this.halt('max-in-flight', `more than ${this.limits.maxInFlight.toLocaleString('en')} requests in flight at once`);
      return null;
    }
    const job = new Job(this.nextId++, endpoint.steps, inst, this.sched.now, attempt, req, edge, this.sched.now >= this.warmupMs, null, endpoint.label);
    job.epoch = inst.epoch;
    const root = (job.root = req ?? attempt?.job.root ?? null);
    if (root && !root.done && root.spans < MAX_SPANS_PER_TRACE) {
      job.prevInTrace = root.lastJob;
      root.lastJob = job;
      root.spans++;
    }
    return job;
  }

  private admit(job: Job): void {
    const inst = job.instance;
    const si = inst.serviceIndex;
    const st = this.serviceStats[si];
    st.iRequests++;
    this.serviceSeries[si].requests++;
    inst.arrived++;
    if (job.counted) st.requests++;
    if (inst.state !== 'ready' || inst.epoch !== job.epoch) {
      // Connection refused: the instance died between choice and arrival.
      this.finish(job, Outcome.Rejected);
      return;
    }
    const errorRate = this.faults.errorRate[si];
    if (errorRate > 0 && this.faultErrors() <= errorRate) {
      // An injected fault answers 500 before the service does any work.
      this.finish(job, Outcome.Error);
      return;
    }
    if (inst.busy < inst.workers && inst.queued === 0) {
      this.start(job);
    } else if (inst.queued < inst.queueCap) {
      inst.account(this.sched.now);
      inst.enqueue(job);
    } else {
      if (job.counted) st.rejected++;
      this.finish(job, Outcome.Rejected);
    }
  }

  /** Give a job a worker: its first start, or (async) a continuation after a call. */
  private start(job: Job): void {
    const inst = job.instance;
    const now = this.sched.now;
    inst.account(now);
    inst.busy++;
    job.holding = true;
    if (job.startedAt < 0) {
      job.startedAt = now;
      if (job.counted) this.serviceStats[inst.serviceIndex].queueWait.record(now - job.arrivedAt);
      const running = this.running[inst.serviceIndex];
      job.runIndex = running.length;
      running.push(job);
      inst.jobs++;
      // A called job first decodes the request and (lumped here) encodes its answer: the same worker time.
      const net = job.attempt?.step.net;
      if (net) {
        const t = (net.serialize(net.rng) + net.serialize(net.rng)) * this.faults.slow[inst.serviceIndex];
        if (t > 0) {
          this.sched.schedule(now + t, Ev.CpuDone, job);
          return;
        }
      }
    }
    this.runSteps(job);
  }

  /** Run steps until one waits (cpu, call, parallel) or the endpoint ends. */
  private runSteps(job: Job): void {
    const steps = job.steps;
    while (job.step < steps.length) {
      const step: CompiledStep = steps[job.step++];
      switch (step.kind) {
        case StepKind.Cpu: {
          const t = step.sample(step.rng) * this.faults.slow[job.instance.serviceIndex];
          this.sched.schedule(this.sched.now + t, Ev.CpuDone, job);
          return;
        }
        case StepKind.Fail:
          if (step.rng() <= step.probability) {
            this.finish(job, Outcome.Error);
            return;
          }
          break;
        case StepKind.Call:
          this.releaseWhileWaiting(job);
          this.attempt(job, step, 1, step.options.retry?.backoffMs ?? 0);
          return;
        case StepKind.Parallel: {
          if (!step.usesCpu) this.releaseWhileWaiting(job);
          const branches = step.branches.map((b) => new Job(this.nextId++, b, job.instance, this.sched.now, null, null, job.edge, job.counted, job, job.name));
          job.join = { branches, pending: branches.length, failed: false };
          for (const branch of branches) {
            branch.epoch = job.epoch;
            branch.root = job.root;
            if (job.root && !job.root.done && job.root.spans < MAX_SPANS_PER_TRACE) {
              branch.prevInTrace = job.root.lastJob;
              job.root.lastJob = branch;
              job.root.spans++;
            }
            this.liveJobs++;
            this.runSteps(branch);
          }
          return;
        }
      }
    }
    this.finish(job, Outcome.Ok);
  }

  /** Async model: a job lets go of its worker while it waits downstream. */
  private releaseWhileWaiting(job: Job): void {
    if (!job.holding || job.branchOf || this.scenario.services[job.instance.serviceIndex].model !== 'async') return;
    const inst = job.instance;
    inst.account(this.sched.now);
    inst.busy--;
    job.holding = false;
    this.drain(inst);
  }

  /** Carry on after a wait: threads jobs still hold their worker; async ones queue for one. */
  private resume(job: Job): void {
    if (job.holding || job.branchOf) {
      this.runSteps(job);
      return;
    }
    const inst = job.instance;
    if (inst.busy < inst.workers && inst.queued === 0) this.start(job);
    else {
      // A continuation is already admitted: it waits without a queue limit.
      inst.account(this.sched.now);
      inst.enqueue(job);
    }
  }

  // ---- calls ------------------------------------------------------------

  /** Try a call: partition, breaker, bulkhead, balancer; then send it. */
  private attempt(job: Job, step: CallStep, number: number, prevBackoffMs: number): void {
    const now = this.sched.now;
    const from = job.instance;
    const to = step.service;
    const caller = from.caller;
    const e = this.edges[step.edge];
    const o = step.options;
    let breaker: Breaker | null = null;
    if (o.breaker) {
      breaker = caller.breakers[to];
      if (!breaker) {
        const edge = e, instance = from.id;
        const words = `${this.serviceName(from.serviceIndex)} #${from.n} → ${this.serviceName(to)}`;
        breaker = caller.breakers[to] = new Breaker(o.breaker, (t) => {
          if (t.to === 'open') edge.breakerOpened++;
          this.note('breaker', this.serviceName(from.serviceIndex), t.to === 'open' ? 'error' : t.to === 'closed' ? 'info' : 'warn',
            `breaker ${words}: ${t.from.replace('_', '-')} → ${t.to.replace('_', '-')}`);
          if (edge.breakerLog.length < MAX_BREAKER_LOG) edge.breakerLog.push({ atMs: t.atMs, instance, from: t.from, to: t.to });
        });
      }
      if (!breaker.tryAcquire(now)) {
        // CallNotPermitted: fails fast, not recorded, not retried.
        e.breakerRejected++;
        this.callFailed(job, step);
        return;
      }
    }
    if (o.bulkhead !== null && caller.bulkheadInUse[to] >= o.bulkhead) {
      // BulkheadFull (maxWaitDuration 0): fails at once, not retried.
      e.bulkheadRejected++;
      breaker?.release();
      this.callFailed(job, step);
      return;
    }
    e.calls++; e.iCalls++;
    if (number > 1) e.retries++;
    const target = this.faults.partitioned(from.serviceIndex, to)
      ? null
      : pickInstance(this.scenario.services[to].balancer, this.visible(caller, to), caller, to, this.balance[to]);
    if (!target || !step.endpoint || target.state !== 'ready') {
      // Connection refused (a partition, or a stale view's dead instance) or no known instance (503).
      e.errors++; e.iErrors++;
      if (target) e.refused++;
      this.hops?.add(step.edge, now, now, HopKind.Answer, HOP_REFUSED, target ? target.n : 0);
      breaker?.onResult(now, true, 0);
      this.retryOrFail(job, step, number, prevBackoffMs);
      return;
    }
    const att = new Attempt(job, step, number, prevBackoffMs, now, target, breaker, o.bulkhead !== null);
    if (att.bulkhead) caller.bulkheadInUse[to]++;
    if (this.loadAware[to]) caller.callStarted(target.id);
    const child = this.newJob(step.endpoint, target, att, null, step.edge);
    if (!child) return;
    att.child = child;
    // Work for a caller that gave up is wasted all the way down (a parallel branch asks its parent).
    let up: Job | null = job;
    while (up && !up.abandoned) up = up.branchOf;
    if (up) child.abandoned = true;
    if (o.timeoutMs !== null) this.sched.schedule(now + o.timeoutMs, Ev.CallTimeout, att);
    // On the wire: the caller encodes the request, then one hop.
    const net = step.net;
    const arriveAt = net ? now + net.serialize(net.rng) + net.latency(net.rng) : now;
    this.hops?.add(step.edge, now, arriveAt, HopKind.Call, 0, target.n);
    this.sched.schedule(arriveAt, Ev.JobArrive, child);
  }

  /** An attempt ends: the answer came back, or the caller's timeout fired first. */
  private settle(att: Attempt, outcome: Outcome): void {
    if (att.settled) {
      // The callee answered after the caller gave up: only wasted work.
      return;
    }
    att.settled = true;
    const now = this.sched.now;
    const job = att.job;
    const to = att.step.service;
    const caller = job.instance.caller;
    // A caller that crashed since it sent this has forgotten its permits, counts and breakers.
    const sameProcess = job.instance.epoch === job.epoch;
    if (att.bulkhead && sameProcess) caller.bulkheadInUse[to]--;
    if (this.loadAware[to] && sameProcess) caller.callEnded(att.target.id);
    const e = this.edges[att.step.edge];
    const failed = outcome !== Outcome.Ok;
    if (outcome === Outcome.Timeout) e.timeouts++;
    else if (failed) { e.errors++; }
    if (failed) { e.iErrors++; this.failedOn(att.step.edge, job.root); }
    if (outcome !== Outcome.Timeout) {
      e.latency.record(now - att.startedAt);
      this.edgeSeries[att.step.edge].latency.record(now - att.startedAt);
    }
    if (sameProcess) att.breaker?.onResult(now, failed, now - att.startedAt);
    if (job.done) return; // the caller died meanwhile
    if (!failed && att.child?.degraded) job.degraded = true; // a degraded answer degrades the caller's
    if (!failed) this.resume(job);
    else this.retryOrFail(job, att.step, att.number, att.prevBackoffMs);
  }

  private retryOrFail(job: Job, step: CallStep, number: number, prevBackoffMs: number): void {
    const retry = step.options.retry;
    if (retry && number <= retry.max) {
      const delay = backoffMs(retry, number, prevBackoffMs, step.jitter);
      const pending: PendingRetry = { job, step, number: number + 1, backoffMs: delay };
      this.sched.schedule(this.sched.now + delay, Ev.RetryCall, pending);
      return;
    }
    this.callFailed(job, step);
  }

  /** The call failed for good: its fallback skips it (degraded) or the caller fails. */
  private callFailed(job: Job, step: CallStep): void {
    this.edges[step.edge].failedFinal++;
    if (step.options.fallback === 'skip') {
      job.degraded = true;
      this.resume(job);
    } else {
      this.finish(job, Outcome.Error);
    }
  }

  // ---- endings ----------------------------------------------------------

  /** A job ends: free its worker, pull the next waiting job, answer the caller. */
  private finish(job: Job, outcome: Outcome): void {
    if (job.done) return;
    job.done = true;
    job.endedAt = this.sched.now;
    job.outcome = outcome;
    this.liveJobs--;
    if (job.join) for (const b of job.join.branches) if (!b.done) { b.done = true; this.liveJobs--; }
    const parent = job.branchOf;
    if (parent) {
      // A parallel branch: the parent continues when every branch is in.
      const join = parent.join!;
      if (outcome !== Outcome.Ok) join.failed = true;
      if (job.degraded) parent.degraded = true;
      if (--join.pending === 0 && !parent.done) {
        parent.join = null;
        if (join.failed) this.finish(parent, Outcome.Error);
        else this.resume(parent);
      }
      return;
    }
    const inst = job.instance;
    const si = inst.serviceIndex;
    const st = this.serviceStats[si];
    const now = this.sched.now;
    const ss = this.serviceSeries[si];
    if (outcome !== Outcome.Ok && outcome !== Outcome.Rejected) {
      st.iErrors++;
      ss.errors++;
      if (job.counted) st.errors++;
    } else if (outcome === Outcome.Rejected) ss.rejected++;
    if (job.startedAt >= 0) {
      if (job.counted) st.residence.record(now - job.arrivedAt);
      ss.latency.record(now - job.arrivedAt);
      if (job.abandoned) st.wastedMs += now - job.startedAt;
      this.removeRunning(job);
      if (job.holding && inst.epoch === job.epoch) {
        inst.account(now);
        inst.busy--;
        job.holding = false;
        this.drain(inst);
      }
      if (inst.state === 'draining' && inst.jobs === 0 && inst.queued === 0) this.stopInstance(inst);
    }
    // An injected latency fault delays the answer on the wire (the worker is already free).
    const extra = this.faults.hasLatency(si) ? this.faults.extraLatency(si) : 0;
    if (extra > 0) this.sched.schedule(now + extra, Ev.Respond, job);
    else this.respond(job);
  }

  private respond(job: Job): void {
    const att = job.attempt;
    if (att) {
      // One hop back, then the caller decodes the answer.
      const net = att.step.net;
      const backAt = net ? this.sched.now + net.latency(net.rng) + net.serialize(net.rng) : this.sched.now;
      this.hops?.add(att.step.edge, this.sched.now, backAt, HopKind.Answer, HOP_OUTCOME[job.outcome], job.instance.n);
      this.sched.schedule(backAt, Ev.CallReturn, job);
    }
    else if (job.request) this.endRequest(job.request, job.outcome, job.degraded);
  }

  /** Start waiting jobs while workers are free; not re-entrant (no deep recursion). */
  private drain(inst: Instance): void {
    if (inst.pulling) return;
    inst.pulling = true;
    while ((inst.state === 'ready' || inst.state === 'draining') && inst.busy < inst.workers && inst.queued > 0) {
      inst.account(this.sched.now);
      this.start(inst.dequeue()!);
    }
    inst.pulling = false;
  }

  private removeRunning(job: Job): void {
    const running = this.running[job.instance.serviceIndex];
    const i = job.runIndex;
    if (i < 0) return;
    const last = running.pop()!;
    if (last !== job) {
      running[i] = last;
      last.runIndex = i;
    }
    job.runIndex = -1;
    job.instance.jobs--;
  }

  private crash(inst: Instance, downForMs: number | null): void {
    if (inst.state === 'dead' || inst.state === 'stopped') return;
    if (inst.state === 'draining') {
      this.stopInstance(inst); // already on its way out: it is not restarted
      return;
    }
    const now = this.sched.now;
    inst.account(now);
    const wasReady = inst.state === 'ready';
    inst.state = 'dead';
    inst.epoch++;
    inst.probeFails = 0;
    inst.unready = false;
    if (wasReady) {
      const list = this.ready[inst.serviceIndex];
      list.splice(list.indexOf(inst), 1);
      this.noteReadyCount(inst.serviceIndex);
    }
    this.scheduleForgetting(inst, now);
    inst.caller.reset();
    // Everything it was doing or holding fails: the callers see a reset connection.
    const running = this.running[inst.serviceIndex].filter((j) => j.instance === inst);
    const waiting = inst.drainQueue();
    inst.busy = 0;
    for (const j of running) this.finish(j, Outcome.Error);
    for (const j of waiting) this.finish(j, Outcome.Error);
    // Self-healing: CrashLoopBackOff (semantics.md), or back when the fault ends.
    if (now - inst.readyAt >= BACKOFF_RESET_MS) inst.crashes = 0;
    const base = this.scenario.services[inst.serviceIndex].restartMs;
    let backoff = base;
    for (let i = 0; i < inst.crashes && backoff < MAX_RESTART_BACKOFF_MS; i++) backoff *= 2;
    const delay = downForMs ?? Math.min(MAX_RESTART_BACKOFF_MS, backoff);
    inst.crashes++;
    const cut = running.length + waiting.length;
    this.note('crash', this.serviceName(inst.serviceIndex), 'error',
      `instance ${inst.n} crashed${cut ? `, ${cut.toLocaleString('en')} requests lost` : ''}; ${downForMs !== null ? 'down' : 'restarts after a back-off of'} ${delay / 1000} s`);
    this.sched.schedule(now + delay, Ev.InstanceRestart, inst);
  }

  /**
   * Keep this request's trace? Every failure, the slow ones (above the
   * route's p99 of the last interval), and 1 % of the rest.
   */
  private keepTrace(req: ClientRequest, outcome: Outcome, degraded: boolean): void {
    const last = req.lastJob;
    req.lastJob = null;
    const now = this.sched.now;
    const latency = now - req.sentAt;
    const route = req.source.route;
    const because: KeptBecause | null =
      outcome !== Outcome.Ok ? 'failed'
      : route.lastP99 > 0 && latency > route.lastP99 ? 'slow'
      : sampledOut(req.id) ? null : 'sampled';
    if (!because) return;
    const jobs: Job[] = [];
    for (let j = last; j; j = j.prevInTrace) jobs.push(j);
    this.traceStore.add({ req, jobs, endMs: now, outcome, degraded, startMs: req.sentAt, keptBecause: because });
  }

  /** Spans are built only when someone looks: most kept traces are pushed out of the ring unseen. */
  private buildTrace(k: KeptTrace): Trace {
    const { req, jobs } = k;
    const seed = this.scenario.seed | 0;
    const spanId = (j: Job) => hexId(j.id, seed);
    const parentOf = (j: Job): string | null => (j.branchOf ? spanId(j.branchOf) : j.attempt ? spanId(j.attempt.job) : null);
    return {
      traceId: this.traceId(req.id),
      route: req.source.route.route,
      workload: req.source.def.name,
      startMs: req.sentAt,
      endMs: k.endMs,
      status: OUTCOME_STATUS[k.outcome] as Trace['status'],
      degraded: k.degraded,
      keptBecause: k.keptBecause,
      spans: jobs.slice().reverse().map((j): Span => ({
        spanId: spanId(j),
        parentSpanId: parentOf(j),
        service: this.scenario.services[j.instance.serviceIndex].name,
        endpoint: j.name.slice(j.name.indexOf('.') + 1),
        instance: j.instance.n,
        attempt: j.attempt ? j.attempt.number : 0,
        startMs: j.arrivedAt,
        queueMs: j.startedAt >= 0 ? j.startedAt - j.arrivedAt : 0,
        endMs: j.endedAt !== null && j.endedAt <= k.endMs ? j.endedAt : null,
        status: j.endedAt !== null && j.endedAt <= k.endMs ? OUTCOME_STATUS[j.outcome] : 'unfinished',
        abandoned: j.abandoned,
        degraded: j.degraded,
      })),
    };
  }

  /** The kept traces, newest first (a bounded sample). */
  traces(): Trace[] {
    const kept = this.traceStore.all();
    const extra = this.pinnedTraces.filter((k) => !kept.includes(k));
    return [...kept, ...extra].sort((a, b) => b.startMs - a.startMs).map((k) => this.buildTrace(k));
  }

  /** The instances of service `s` this caller can find now. */
  private visible(caller: Caller, s: number): readonly Instance[] {
    switch (this.scenario.discovery.mode) {
      case 'ideal': return this.ready[s];
      case 'server': return this.found[s];
      case 'client': return caller.views![s];
    }
  }

  private setFound(s: number, list: Instance[]): void {
    list.sort((a, b) => a.id - b.id);
    this.found[s] = list;
  }

  /** When the system stops offering a crashed instance to callers. */
  private scheduleForgetting(inst: Instance, now: number): void {
    const d = this.scenario.discovery;
    if (d.mode === 'ideal') {
      this.setFound(inst.serviceIndex, this.found[inst.serviceIndex].filter((i) => i !== inst));
      return;
    }
    const token = { inst, lease: inst.lease };
    if (d.mode === 'server') {
      this.sched.schedule(now + EXIT_DETECTION_MS, Ev.EndpointRemoved, token);
      return;
    }
    // Eureka: the lease was last renewed on the heartbeat before the crash and lapses `expiry` later.
    const lastRenewal = inst.registeredAt + Math.floor((now - inst.registeredAt) / d.heartbeatMs) * d.heartbeatMs;
    this.sched.schedule(lastRenewal + d.expiryMs, Ev.LeaseExpired, token);
  }

  private noteReadyCount(si: number): void {
    const st = this.serviceStats[si];
    const n = this.ready[si].length;
    if (n < st.readyMin) st.readyMin = n;
    if (n > st.readyMax) st.readyMax = n;
  }

  /** Breaker states from every instance of the calling service towards the callee, for the view. */
  private breakerStates(edge: number): { closed: number; open: number; halfOpen: number } | null {
    const e = this.edges[edge];
    const from = this.serviceIndex(e.from);
    const to = this.serviceIndex(e.to);
    if (from < 0 || to < 0) return null;
    if (!this.edgeHasBreaker[edge]) return null;
    // Every live caller instance counts: one that has not called yet holds a closed breaker.
    let closed = 0, open = 0, halfOpen = 0;
    for (const inst of this.instances[from]) {
      if (inst.state === 'dead' || inst.state === 'stopped') continue;
      const b = inst.caller.breakers[to];
      if (!b || b.state === 'closed') closed++;
      else if (b.state === 'open') open++;
      else halfOpen++;
    }
    return { closed, open, halfOpen };
  }

  // ---- timeline actions -------------------------------------------------

  private act(item: TimelineItem): void {
    const a = item.action;
    if (Faults.isFault(a)) {
      const id = this.faults.add(a, this.sched.now, item.forMs);
      const f = this.faults.active().find((x) => x.id === id)!;
      const svc = a.kind === 'partition' ? a.between[0] : a.service;
      this.note('fault', svc, 'warn', `fault: ${a.kind} ${f.target} ${f.detail}${item.forMs !== null ? ` for ${item.forMs / 1000} s` : ''}`);
      if (item.forMs !== null) {
        this.sched.schedulePriority(this.sched.now + item.forMs, Ev.Undo, () => {
          this.faults.remove(id);
          this.note('fault-end', svc, 'info', `fault ended: ${a.kind} ${f.target} ${f.detail}`);
        });
      }
      return;
    }
    switch (a.kind) {
      case 'kill': {
        const si = this.serviceIndex(a.service);
        if (si < 0) return;
        if (a.instance !== undefined) {
          const inst = this.instances[si][a.instance - 1];
          if (inst) this.crash(inst, item.forMs);
          return;
        }
        const targets = this.instances[si].filter((i) => i.state !== 'dead' && i.state !== 'stopped');
        const n = a.count === 'all' ? targets.length : Math.min(a.count, targets.length);
        for (let k = 0; k < n; k++) this.crash(targets[k], item.forMs);
        return;
      }
      case 'setting': {
        const si = this.serviceIndex(a.service);
        if (si < 0) return;
        const before = this.capacity[si]![a.key];
        this.note('scale', a.service, 'info', `${a.key} per instance: ${fmtCap(before)} → ${fmtCap(a.value)}`);
        this.setCapacity(si, a.key, a.value);
        if (item.forMs !== null) this.sched.schedulePriority(this.sched.now + item.forMs, Ev.Undo, () => this.setCapacity(si, a.key, before));
        return;
      }
      case 'scale': {
        const si = this.serviceIndex(a.service);
        if (si < 0) return;
        const before = this.replicas(si).length;
        this.note('scale', a.service, 'info', `scaled from ${before} to ${a.instances} instance${a.instances === 1 ? '' : 's'}`);
        this.scale(si, a.instances);
        if (item.forMs !== null) this.sched.schedulePriority(this.sched.now + item.forMs, Ev.Undo, () => this.scale(si, before));
        return;
      }
      case 'load': {
        const src = this.sourceByName.get(a.workload);
        if (!src || src.def.kind !== 'open') return;
        const previous = src.rate;
        this.note('load', src.def.service, 'info', `load ${a.workload} → ${a.perSec}/s`);
        this.setRate(src, [{ atMs: this.sched.now, perSec: a.perSec }]);
        if (item.forMs !== null) {
          this.sched.schedulePriority(this.sched.now + item.forMs, Ev.Undo, () => this.setRate(src, previous));
        }
        return;
      }
    }
  }

  // ---- lifecycle: scaling, draining, stopping -----------------------------

  private newInstance(si: number, n: number): Instance {
    const c = this.capacity[si] ??= { workers: this.scenario.services[si].workers, queue: this.scenario.services[si].queue };
    return new Instance(this.nextInstanceId++, n, si, c.workers, c.queue, this.scenario.services.length, this.warmupMs);
  }

  /** Workers or queue of every instance of a service from now on (new replicas too). */
  private setCapacity(si: number, key: 'workers' | 'queue', value: number): void {
    this.capacity[si]![key] = value;
    const now = this.sched.now;
    for (const inst of this.instances[si]) {
      inst.account(now);
      if (key === 'workers') inst.workers = value;
      else inst.queueCap = value;
      this.drain(inst); // more workers take waiting jobs at once
    }
  }

  private serviceIndex(name: string): number {
    return this.serviceIndexOf.get(name) ?? -1;
  }

  /** The ReplicaSet's pods: every instance not on its way out (a crashed one restarts). */
  private replicas(si: number): Instance[] {
    return this.instances[si].filter((i) => i.state === 'starting' || i.state === 'ready' || i.state === 'dead');
  }

  /**
   * Scale to `target` replicas. Up: new instances start cold and take traffic
   * when ready. Down: Kubernetes' ReplicaSet order — not-ready pods first
   * (they stop at once), then the most recently ready; a ready one drains.
   */
  private scale(si: number, target: number): void {
    const now = this.sched.now;
    const pods = this.replicas(si);
    if (target > pods.length) {
      const list = this.instances[si];
      for (let k = pods.length; k < target; k++) {
        const inst = this.newInstance(si, list.length + 1);
        inst.state = 'starting';
        inst.account(now);
        list.push(inst);
        if (this.scenario.discovery.mode === 'client') {
          inst.caller.views = this.found.slice();
          this.sched.schedule(now + this.scenario.discovery.refreshMs, Ev.ViewRefresh, inst.caller);
        }
        if (this.scenario.discovery.mode === 'server') this.startProbing(inst, inst.id);
        this.sched.schedule(now + this.scenario.services[si].startupMs, Ev.InstanceReady, inst);
      }
      return;
    }
    const victims = pods.sort((a, b) => {
      const ra = a.state === 'ready' ? 1 : 0, rb = b.state === 'ready' ? 1 : 0;
      if (ra !== rb) return ra - rb;
      if (ra && a.readyAt !== b.readyAt) return b.readyAt - a.readyAt;
      return b.id - a.id;
    }).slice(0, pods.length - target);
    for (const inst of victims) {
      if (inst.state === 'ready') this.startDraining(inst);
      else this.stopInstance(inst);
    }
  }

  /**
   * A removed pod: out of the ready list and of discovery (server: the
   * endpoint goes after the usual propagation; client: Eureka's cancel on
   * shutdown is immediate, callers' views are not), refusing new requests,
   * finishing what it holds for up to the grace period.
   */
  private startDraining(inst: Instance): void {
    const now = this.sched.now;
    inst.account(now);
    inst.state = 'draining';
    this.note('draining', this.serviceName(inst.serviceIndex), 'info', `instance ${inst.n} draining: no new requests, finishing ${inst.jobs + inst.queued} (30 s at most)`);
    const list = this.ready[inst.serviceIndex];
    list.splice(list.indexOf(inst), 1);
    this.noteReadyCount(inst.serviceIndex);
    if (this.scenario.discovery.mode === 'server') {
      this.sched.schedule(now + EXIT_DETECTION_MS, Ev.EndpointRemoved, { inst, lease: inst.lease });
    } else {
      inst.lease++; // deregistered: no lease of it is left to expire
      this.setFound(inst.serviceIndex, this.found[inst.serviceIndex].filter((i) => i !== inst));
    }
    if (inst.jobs === 0 && inst.queued === 0) this.stopInstance(inst);
    else this.sched.schedule(now + GRACE_MS, Ev.GraceExpired, { inst, epoch: inst.epoch });
  }

  /** Server discovery: the kubelet probes each container every `period`, phases spread (it stops with the pod). */
  private startProbing(inst: Instance, k: number): void {
    const period = this.scenario.discovery.probe.periodMs;
    this.sched.schedule(this.sched.now + (((k * 0.6180339887498949) % 1) || 1) * period, Ev.Probe, inst);
  }

  /**
   * A readiness probe (semantics.md: period 10 s, timeout 1 s, failure
   * threshold 3, success threshold 1). It waits in the same queue as
   * requests, so it fails when the oldest waiting request has waited a
   * timeout already; `failures` in a row take a live instance out of the
   * Service's endpoints (it keeps working through its queue), one success
   * puts it back. An overloaded service can so lose every endpoint at once.
   */
  private probe(inst: Instance): void {
    if (inst.state === 'stopped') return;
    const now = this.sched.now;
    const d = this.scenario.discovery;
    this.sched.schedule(now + d.probe.periodMs, Ev.Probe, inst);
    if (inst.state !== 'ready') {
      inst.probeFails = 0;
      return;
    }
    const head = inst.peek();
    const si = inst.serviceIndex;
    if (head === undefined || now - head.arrivedAt < PROBE_TIMEOUT_MS) {
      inst.probeFails = 0;
      if (inst.unready) {
        inst.unready = false;
        this.trace.add(now, Ev.Probe, inst.id);
        this.setFound(si, [...this.found[si].filter((i) => i !== inst), inst]);
        this.note('ready', this.serviceName(si), 'info', `instance ${inst.n} passed its readiness probe: back in the endpoints`);
      }
      return;
    }
    inst.probeFails++;
    if (!inst.unready && inst.probeFails >= d.probe.failures) {
      inst.unready = true;
      this.trace.add(now, Ev.Probe, inst.id);
      this.setFound(si, this.found[si].filter((i) => i !== inst));
      this.note('draining', this.serviceName(si), 'error',
        `instance ${inst.n} failed ${inst.probeFails} readiness probes (requests wait over ${PROBE_TIMEOUT_MS / 1000} s): out of the endpoints, still working off its queue`);
    }
  }

  /** Gone for good: what it still holds fails (callers see a reset connection); it never restarts. */
  private stopInstance(inst: Instance): void {
    const now = this.sched.now;
    inst.account(now);
    const wasReady = inst.state === 'ready';
    const wasAlive = inst.state !== 'dead';
    inst.state = 'stopped';
    inst.epoch++;
    if (wasReady) {
      const list = this.ready[inst.serviceIndex];
      list.splice(list.indexOf(inst), 1);
      this.noteReadyCount(inst.serviceIndex);
    }
    if (wasAlive) {
      // A crashed one is already being forgotten (its lease lapses, its endpoint goes); a live one deregisters.
      if (this.scenario.discovery.mode !== 'server') {
        inst.lease++;
        this.setFound(inst.serviceIndex, this.found[inst.serviceIndex].filter((i) => i !== inst));
      } else this.sched.schedule(now + EXIT_DETECTION_MS, Ev.EndpointRemoved, { inst, lease: inst.lease });
    }
    const running = this.running[inst.serviceIndex].filter((j) => j.instance === inst);
    const waiting = inst.drainQueue();
    inst.busy = 0;
    const cut = running.length + waiting.length;
    this.note('stopped', this.serviceName(inst.serviceIndex), cut ? 'warn' : 'info', `instance ${inst.n} stopped${cut ? `, ${cut.toLocaleString('en')} requests cut off` : ''}`);
    for (const j of running) this.finish(j, Outcome.Error);
    for (const j of waiting) this.finish(j, Outcome.Error);
  }

  private setRate(src: SourceRt, rate: readonly RatePoint[]): void {
    src.rate = rate;
    this.scheduleArrival(src);
  }

  // ---- series -----------------------------------------------------------

  private closeInterval(): void {
    const now = this.sched.now;
    const t = now - this.intervalMs;
    this.closedAt = now;
    for (const r of this.routes.values()) r.closeInterval(t);
    this.serviceSeries.forEach((ss, i) => ss.close(t, now, this.instances[i]));
    // Before the edges' own close resets the interval counters it reads.
    this.edgeSeries.forEach((es, i) => es.close(t, this.edges[i]));
    for (const s of this.serviceStats) s.closeInterval(this.intervalMs);
    for (const e of this.edges) e.closeInterval(this.intervalMs);
    if (this.log) this.noteFailures();
  }

  private edgeFor(from: string, to: string): number {
    const key = `${from}\u0000${to}`;
    let i = this.edgeIndex.get(key);
    if (i === undefined) {
      i = this.edges.length;
      this.edges.push(new EdgeStats(from, to));
      this.edgeSeries.push(new EdgeSeries());
      this.edgeIndex.set(key, i);
    }
    return i;
  }

  private inFlightRequests(route: string): number {
    let n = 0;
    for (const s of this.sources) if (s.def.route === route) n += s.inFlightCounted;
    return n;
  }

  private halt(reason: Stop['reason'], what: string): void {
    if (this.stop) return;
    const at = (this.sched.now / 1000).toFixed(3);
    // Name the service where the work piled up: that is where to look.
    let worst = -1, worstQueued = 0;
    this.instances.forEach((list, i) => {
      const q = list.reduce((n, inst) => n + inst.queued, 0);
      if (q > worstQueued) { worst = i; worstQueued = q; }
    });
    const notes: string[] = [];
    if (worst >= 0) notes.push(`${worstQueued.toLocaleString('en')} waiting at service "${this.scenario.services[worst].name}"`);
    // A retry storm: name the call whose retries dominate.
    const storm = this.edges.filter((e) => e.retries > e.calls / 2).sort((a, b) => b.retries - a.retries)[0];
    if (storm) notes.push(`retries multiply the load: ${storm.from} → ${storm.to} retried ${storm.retries.toLocaleString('en')} times in ${storm.calls.toLocaleString('en')} attempts`);
    const where = notes.length ? ` (${notes.join('; ')})` : '';
    this.note('limit', '', 'error', `run stopped: ${what}`);
    this.stop = Object.freeze({
      reason,
      message: `run stopped at ${at}s of simulated time: ${what}${where}. The scenario is running away (an overloaded service with an unbounded queue, or rates far beyond capacity); lower the load, bound the queues or shorten the run.`,
    });
  }
}

function fmtCap(n: number): string {
  return n === Infinity ? 'unbounded' : String(n);
}

function inWindow(c: WindowCollector, t: number): boolean {
  const d = c.expectation.during!;
  return t >= d[0] && t < d[1];
}
