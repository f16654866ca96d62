/**
 * Queueing theory for the validation tests, written independently of src/
 * (nothing here imports the engine or the model). Two kinds of numbers:
 * exact steady-state values (M/M/1, Erlang B/C, M/M/c/K, Pollaczek–Khinchine,
 * Jackson), and the sampling variance of the estimators a test reads, which
 * sets its tolerance (validation.md §1.8): Whitt's kappa, and exact asymptotic
 * variances of birth–death chains (Poisson equation) where no planning kappa exists.
 * Units are the caller's, used consistently (the tests use ms and per-ms rates).
 */

export interface QueueMeans {
  /** Mean number in system. */
  readonly L: number;
  /** Mean number waiting. */
  readonly Lq: number;
  /** Mean time in system (sojourn, response time). */
  readonly W: number;
  /** Mean wait in queue. */
  readonly Wq: number;
}

// ---- M/M/1 ---------------------------------------------------------------

export interface MM1 extends QueueMeans {
  readonly rho: number;
  /** P(an arrival waits) = rho. */
  readonly pWait: number;
  /** p-quantile of the response time T ~ Exp(mu - lambda). */
  responseQuantile(p: number): number;
  /** Density of T at t. */
  responseDensity(t: number): number;
}

export function mm1(lambda: number, mu: number): MM1 {
  const rho = lambda / mu;
  if (!(rho < 1)) throw new Error(`M/M/1 unstable: rho = ${rho}`);
  const theta = mu - lambda;
  return {
    rho,
    L: rho / (1 - rho),
    Lq: (rho * rho) / (1 - rho),
    W: 1 / theta,
    Wq: rho / theta,
    pWait: rho,
    responseQuantile: (p) => -Math.log(1 - p) / theta,
    responseDensity: (t) => theta * Math.exp(-theta * t),
  };
}

// ---- Erlang B and C, M/M/c -------------------------------------------------

/** Erlang B blocking B(c, a) by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C, P(an arrival waits) in M/M/c, from Erlang B: C = B / (1 - rho (1 - B)). */
export function erlangC(c: number, a: number): number {
  const rho = a / c;
  if (!(rho < 1)) throw new Error(`M/M/c unstable: rho = ${rho}`);
  const b = erlangB(c, a);
  return b / (1 - rho * (1 - b));
}

export interface MMc extends QueueMeans {
  readonly a: number;
  readonly rho: number;
  /** Erlang C. */
  readonly pWait: number;
  /** Rate of the exponential conditional wait, c mu - lambda. */
  readonly theta: number;
  /** P(Wq > t) = C exp(-(c mu - lambda) t), t >= 0. */
  waitTail(t: number): number;
  /** p-quantile of Wq (0 when p <= 1 - C). */
  waitQuantile(p: number): number;
  /** Density of Wq at t > 0 (its continuous part). */
  waitDensity(t: number): number;
  /** P(T > t) for the response time T = S + Wq (S ~ Exp(mu) independent of Wq). */
  responseTail(t: number): number;
  responseDensity(t: number): number;
  /** p-quantile of T, by bisection on responseTail. */
  responseQuantile(p: number): number;
}

export function mmc(lambda: number, mu: number, c: number): MMc {
  const a = lambda / mu;
  const rho = a / c;
  const C = erlangC(c, a);
  const theta = c * mu - lambda;
  const Wq = C / theta;
  const W = Wq + 1 / mu;
  return {
    a, rho, pWait: C, theta,
    Wq, W, Lq: lambda * Wq, L: lambda * W,
    waitTail: (t) => (t < 0 ? 1 : C * Math.exp(-theta * t)),
    waitQuantile: (p) => (p <= 1 - C ? 0 : Math.log(C / (1 - p)) / theta),
    waitDensity: (t) => C * theta * Math.exp(-theta * t),
    responseTail,
    responseDensity,
    responseQuantile: (p) => {
      let lo = 0, hi = 1 / mu + 1 / theta;
      while (responseTail(hi) > 1 - p) hi *= 2;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (responseTail(mid) > 1 - p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    },
  };

  // T = S + Wq: with probability 1 − C just S; with probability C, S plus an
  // independent Exp(theta) (hypoexponential; Erlang-2 when theta = mu).
  function responseTail(t: number): number {
    const es = Math.exp(-mu * t);
    const both = Math.abs(theta - mu) < 1e-12 * mu
      ? es * (1 + mu * t)
      : (theta * es - mu * Math.exp(-theta * t)) / (theta - mu);
    return (1 - C) * es + C * both;
  }
  function responseDensity(t: number): number {
    const es = Math.exp(-mu * t);
    const both = Math.abs(theta - mu) < 1e-12 * mu
      ? mu * mu * t * es
      : (mu * theta * (es - Math.exp(-theta * t))) / (theta - mu);
    return (1 - C) * mu * es + C * both;
  }
}

// ---- M/M/c/K (birth–death) -------------------------------------------------

export interface MMcK extends QueueMeans {
  /** Stationary distribution p[0..K]. */
  readonly p: readonly number[];
  /** P_K: the fraction of arrivals blocked (PASTA). */
  readonly blocking: number;
  /** Admitted rate lambda (1 - P_K). */
  readonly lambdaEff: number;
}

/**
 * M/M/c/K: c servers, at most K in the system (K - c waiting places).
 * p_n ∝ a^n/n! for n <= c and a^n/(c! c^(n-c)) above; W and Wq are over
 * admitted customers (Little with lambda_eff). K = c is Erlang B.
 */
export function mmck(lambda: number, mu: number, c: number, K: number): MMcK {
  if (K < c) throw new Error('K must be at least c');
  const p = stationary(lambda, mu, c, K);
  const blocking = p[K];
  const lambdaEff = lambda * (1 - blocking);
  let L = 0, Lq = 0;
  for (let n = 0; n <= K; n++) {
    L += n * p[n];
    Lq += Math.max(0, n - c) * p[n];
  }
  return { p, blocking, lambdaEff, L, Lq, W: L / lambdaEff, Wq: Lq / lambdaEff };
}

/** Stationary distribution of the M/M/c/K chain, by the product of rate ratios. */
function stationary(lambda: number, mu: number, c: number, K: number): number[] {
  const p = new Array<number>(K + 1);
  p[0] = 1;
  let sum = 1;
  for (let n = 1; n <= K; n++) {
    p[n] = (p[n - 1] * lambda) / (mu * Math.min(n, c));
    sum += p[n];
  }
  for (let n = 0; n <= K; n++) p[n] /= sum;
  return p;
}

/** M/M/1/K closed form P_K = (1 - rho) rho^K / (1 - rho^(K+1)), for cross-checks. */
export function mm1kBlocking(rho: number, K: number): number {
  if (rho === 1) return 1 / (K + 1);
  return ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
}

// ---- M/G/1 (Pollaczek–Khinchine) -------------------------------------------

export interface MG1 extends QueueMeans {
  readonly rho: number;
}

/** M/G/1 with mean service meanS and squared coefficient of variation cs2. */
export function mg1(lambda: number, meanS: number, cs2: number): MG1 {
  const rho = lambda * meanS;
  if (!(rho < 1)) throw new Error(`M/G/1 unstable: rho = ${rho}`);
  const Wq = (rho * (1 + cs2) * meanS) / (2 * (1 - rho));
  const W = Wq + meanS;
  return { rho, Wq, W, Lq: lambda * Wq, L: lambda * W };
}

/** Mean and Cs² of a lognormal given its median and sigma (of the log). */
export function lognormalMoments(median: number, sigma: number): { mean: number; cs2: number } {
  return { mean: median * Math.exp((sigma * sigma) / 2), cs2: Math.exp(sigma * sigma) - 1 };
}

// ---- Jackson networks ------------------------------------------------------

export interface Jackson {
  /** Total arrival rate at each node (traffic equations). */
  readonly lambda: readonly number[];
  readonly rho: readonly number[];
  /** Mean sojourn per visit at each node. */
  readonly W: readonly number[];
  readonly L: readonly number[];
  /** Network totals: L = sum L_j, W = L / sum gamma (end-to-end, Little). */
  readonly totalL: number;
  readonly totalW: number;
}

/**
 * Open Jackson network: external arrivals gamma[j], routing p[i][j], node j an
 * M/M/c_j queue with rate mu[j]. Traffic equations lambda = gamma + lambda P,
 * solved by Gaussian elimination on (I - P^T) lambda = gamma.
 */
export function jackson(gamma: readonly number[], routing: readonly (readonly number[])[], mu: readonly number[], c: readonly number[]): Jackson {
  const n = gamma.length;
  // A = I - P^T, augmented with gamma.
  const A = Array.from({ length: n }, (_, j) => {
    const row = new Array<number>(n + 1);
    for (let i = 0; i < n; i++) row[i] = (i === j ? 1 : 0) - routing[i][j];
    row[n] = gamma[j];
    return row;
  });
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(A[r][col]) > Math.abs(A[piv][col])) piv = r;
    [A[col], A[piv]] = [A[piv], A[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = A[r][col] / A[col][col];
      for (let k = col; k <= n; k++) A[r][k] -= f * A[col][k];
    }
  }
  const lambda = A.map((row, j) => row[n] / row[j]);
  const nodes = lambda.map((l, j) => mmc(l, mu[j], c[j]));
  const L = nodes.map((m) => m.L);
  const totalL = L.reduce((s, x) => s + x, 0);
  const totalGamma = gamma.reduce((s, x) => s + x, 0);
  return {
    lambda,
    rho: nodes.map((m) => m.rho),
    W: nodes.map((m) => m.W),
    L,
    totalL,
    totalW: totalL / totalGamma,
  };
}

/** Tandem of M/M/1 queues (Burke): W = sum 1/(mu_j - lambda). */
export function tandem(lambda: number, mu: readonly number[]): { W: number; L: number; nodeW: number[]; nodeL: number[] } {
  const nodes = mu.map((m) => mm1(lambda, m));
  const nodeW = nodes.map((x) => x.W), nodeL = nodes.map((x) => x.L);
  return { nodeW, nodeL, W: nodeW.reduce((s, x) => s + x, 0), L: nodeL.reduce((s, x) => s + x, 0) };
}

// ---- Run planning and confidence bands (validation.md §1.8) ---------------

/** Whitt's relative asymptotic variance per customer of M/M/1's mean number in system. */
export function kappaL(rho: number): number {
  return (2 * (1 + rho)) / (1 - rho) ** 2;
}

/** Relaxation time of M/M/1, about 1/(mu (1 - sqrt rho)^2): sets the warm-up. */
export function relaxationTime(rho: number, mu: number): number {
  return 1 / (mu * (1 - Math.sqrt(rho)) ** 2);
}

/** SD of a mean estimated from n customers: exact·sqrt(kappa/n). */
export function sdOfMean(exact: number, kappa: number, n: number): number {
  return Math.abs(exact) * Math.sqrt(kappa / n);
}

/**
 * SD of a p-quantile estimated from n correlated observations: the binomial
 * SD of the empirical CDF at the quantile, inflated by kappa (the integrated
 * autocorrelation of the indicators 1{X_i <= x_p}), divided by the density there.
 */
export function sdOfQuantile(p: number, density: number, kappa: number, n: number): number {
  return Math.sqrt((kappa * p * (1 - p)) / n) / density;
}

/**
 * Planning kappa for quantiles (of response time or queue wait) at utilisation
 * rho. Measured by replication (300–400 runs of 1e5 customers, Lindley and
 * Kiefer–Wolfowitz recursions, ±8 % sampling error): M/M/1 p50/p95/p99 gave
 * 3.7/7.8/8.8 at rho = 0.5 and 27.6/69.4/81.4 at 0.8; M/M/c at 0.8 (c = 2, 4, 8)
 * gave at most 86.8 for the response time and 93–95 for the p99 of the queue
 * wait, i.e. up to 1.05·kappa_L. So 1.5·kappa_L covers them with margin.
 */
export function kappaQuantile(rho: number): number {
  return 1.5 * kappaL(rho);
}

/** Number of SDs a test allows (validation.md §1.8). */
export const BAND_SDS = 4;

/**
 * Customers needed for a relative half-width eps at confidence z:
 * n = z² kappa / eps² (z = 1.959964 for 95 %, as in validation.md).
 */
export function customersFor(kappa: number, eps: number, z = 1.959964): number {
  return (z * z * kappa) / (eps * eps);
}

// ---- Exact asymptotic variances of M/M/c/K estimators ----------------------

/**
 * What an estimator accumulates along a path of the M/M/c/K chain: a reward
 * per unit time in state n, a weight per admitted arrival (a birth from n)
 * and a weight per blocked arrival (at n = K). For example
 * `{ perTime: n => n, perAdmit: -W }` makes ∫N dt − W·(admitted), whose
 * asymptotic variance gives that of Ŵ = ∫N dt / admitted (Little).
 */
export interface ChainReward {
  readonly perTime: (n: number) => number;
  readonly perAdmit?: number;
  readonly perBlock?: number;
}

/**
 * lim Var(Z_T)/T for the M/M/c/K chain with arrivals at rate lambda in every
 * state. Solves the Poisson equation Q g = −(r − πr) of the birth–death chain
 * in closed form (g_{n+1} − g_n = −Σ_{k≤n} π_k r̃_k / (π_n λ)) and sums the
 * quadratic variation of the martingale Z_T + g(X_T) − πr·T:
 * σ² = Σ_n π_n Σ_transitions rate·(weight + g(to) − g(from))².
 * For a (practically) infinite queue pass K with rho^(K−c) negligible.
 */
export function mmckAsymptoticVariance(lambda: number, mu: number, c: number, K: number, reward: ChainReward): number {
  const p = stationary(lambda, mu, c, K);
  const wA = reward.perAdmit ?? 0, wB = reward.perBlock ?? 0;
  const r = new Array<number>(K + 1);
  let mean = 0;
  for (let n = 0; n <= K; n++) {
    r[n] = reward.perTime(n) + lambda * (n < K ? wA : wB);
    mean += p[n] * r[n];
  }
  // delta[n] = g(n+1) − g(n) = −S_n / (π_n λ), n = 0..K−1, with
  // S_n = Σ_{k≤n} π_k r̃_k = −Σ_{k>n} π_k r̃_k. Past the median the tail sum
  // is used: the prefix sum there is a difference of nearly equal numbers,
  // and dividing its rounding error by a tiny π_n would blow up.
  const suffix = new Array<number>(K + 2);
  suffix[K + 1] = 0;
  for (let n = K; n >= 0; n--) suffix[n] = suffix[n + 1] + p[n] * (r[n] - mean);
  const delta = new Array<number>(K);
  let prefix = 0, mass = 0;
  for (let n = 0; n < K; n++) {
    prefix += p[n] * (r[n] - mean);
    mass += p[n];
    const s = mass <= 0.5 ? prefix : -suffix[n + 1];
    delta[n] = p[n] > 0 ? -s / (p[n] * lambda) : 0;
  }
  let v = 0;
  for (let n = 0; n <= K; n++) {
    let here = 0;
    if (n < K) here += lambda * (wA + delta[n]) ** 2;
    else here += lambda * wB * wB;
    if (n > 0) here += mu * Math.min(n, c) * delta[n - 1] ** 2;
    v += p[n] * here;
  }
  return v;
}

/** Waiting places beyond which an M/M/c queue's truncation error is below 1e−30. */
export function truncationFor(rho: number): number {
  return Math.ceil(Math.log(1e-30) / Math.log(rho));
}

/**
 * Exact SDs of the estimators the tests read from one run of length T (after
 * warm-up) of an M/M/c/K queue (K = Infinity: M/M/c): Ŵ and Ŵq as ∫N/admitted
 * and ∫Nq/admitted (Little, exact up to edge terms), L̂ as the time average,
 * P̂_K as blocked/arrived, and the time fraction with all c servers busy
 * sampled on a grid of step h (the grid adds at most h·p(1−p)/T for a
 * reversible chain, whose autocovariance is decreasing).
 */
export function mmckEstimatorSDs(lambda: number, mu: number, c: number, Kin: number, T: number, gridStep = 0) {
  const K = Number.isFinite(Kin) ? Kin : c + truncationFor(lambda / (mu * c));
  const q = mmck(lambda, mu, c, K);
  const av = (rw: ChainReward) => mmckAsymptoticVariance(lambda, mu, c, K, rw);
  let pBusy = 0;
  for (let n = c; n <= K; n++) pBusy += q.p[n];
  const busyVar = av({ perTime: (n) => (n >= c ? 1 : 0) });
  return {
    theory: q,
    /** P(all c busy) = P(wait) by PASTA. */
    pAllBusy: pBusy,
    W: Math.sqrt(av({ perTime: (n) => n, perAdmit: -q.W }) / T) / q.lambdaEff,
    Wq: Math.sqrt(av({ perTime: (n) => Math.max(0, n - c), perAdmit: -q.Wq }) / T) / q.lambdaEff,
    L: Math.sqrt(av({ perTime: (n) => n }) / T),
    blocking: Math.sqrt(av({ perTime: () => 0, perAdmit: -q.blocking, perBlock: 1 - q.blocking }) / T) / lambda,
    allBusy: Math.sqrt((busyVar + gridStep * pBusy * (1 - pBusy)) / T),
  };
}
