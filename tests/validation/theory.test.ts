/**
 * The theory helpers against the exact tables of validation.md §1.7–1.8, and
 * against second, independent routes (direct sums, closed forms, a dense
 * linear solve), so that a wrong formula cannot hide behind a wrong simulator.
 */
import { describe, expect, it } from 'vitest';
import {
  customersFor, erlangB, erlangC, jackson, kappaL, lognormalMoments, mg1, mm1, mm1kBlocking, mmc, mmck,
  mmckAsymptoticVariance, mmckEstimatorSDs, relaxationTime, sdOfMean, tandem, truncationFor,
} from '../helpers/theory';

/** |actual − table| within half a unit of the table's last printed digit (6 significant digits). */
function matchesTable(actual: number, table: number): void {
  const digits = 6;
  const unit = table === 0 ? 1e-12 : 10 ** (Math.floor(Math.log10(Math.abs(table))) - digits + 1);
  expect(Math.abs(actual - table), `${actual} vs table ${table}`).toBeLessThanOrEqual(unit / 2 + 1e-15);
}

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

describe('theory helpers vs validation.md tables', () => {
  it('§1.1 M/M/1 (mu = 1): L, Lq, W, Wq, p50/p95/p99 of T', () => {
    const rows = [
      [0.5, 1, 0.5, 2, 1, 1.38629, 5.99146, 9.21034],
      [0.8, 4, 3.2, 5, 4, 3.46574, 14.9787, 23.0259],
      [0.9, 9, 8.1, 10, 9, 6.93147, 29.9573, 46.0517],
      [0.95, 19, 18.05, 20, 19, 13.8629, 59.9146, 92.1034],
    ];
    for (const [rho, L, Lq, W, Wq, p50, p95, p99] of rows) {
      const q = mm1(rho, 1);
      matchesTable(q.L, L); matchesTable(q.Lq, Lq); matchesTable(q.W, W); matchesTable(q.Wq, Wq);
      matchesTable(q.responseQuantile(0.5), p50);
      matchesTable(q.responseQuantile(0.95), p95);
      matchesTable(q.responseQuantile(0.99), p99);
      // Little: L = lambda W, Lq = lambda Wq, L = Lq + rho.
      expect(q.L).toBeCloseTo(rho * q.W, 12);
      expect(q.L).toBeCloseTo(q.Lq + rho, 12);
    }
  });

  it('§1.2 Erlang C table (mu = 1, lambda = c rho): C, Wq, W, Lq, L', () => {
    const rows = [
      [1, 0.5, 0.5, 1, 2, 0.5, 1],
      [1, 0.8, 0.8, 4, 5, 3.2, 4],
      [1, 0.9, 0.9, 9, 10, 8.1, 9],
      [2, 0.5, 0.333333, 0.333333, 1.33333, 0.333333, 1.33333],
      [2, 0.8, 0.711111, 1.77778, 2.77778, 2.84444, 4.44444],
      [2, 0.9, 0.852632, 4.26316, 5.26316, 7.67368, 9.47368],
      [4, 0.5, 0.173913, 0.0869565, 1.08696, 0.173913, 2.17391],
      [4, 0.8, 0.596432, 0.745541, 1.74554, 2.38573, 5.58573],
      [4, 0.9, 0.787753, 1.96938, 2.96938, 7.08978, 10.6898],
      [8, 0.5, 0.059044, 0.014761, 1.01476, 0.059044, 4.05904],
      [8, 0.8, 0.457645, 0.286028, 1.28603, 1.83058, 8.23058],
      [8, 0.9, 0.701533, 0.876916, 1.87692, 6.3138, 13.5138],
      [16, 0.5, 0.00901881, 0.00112735, 1.00113, 0.00901881, 8.00902],
      [16, 0.8, 0.304884, 0.0952762, 1.09528, 1.21954, 14.0195],
      [16, 0.9, 0.591343, 0.36959, 1.36959, 5.32209, 19.7221],
    ];
    for (const [c, rho, C, Wq, W, Lq, L] of rows) {
      const q = mmc(c * rho, 1, c);
      matchesTable(q.pWait, C); matchesTable(q.Wq, Wq); matchesTable(q.W, W); matchesTable(q.Lq, Lq); matchesTable(q.L, L);
      // Second route: the direct Erlang C sum.
      const a = c * rho;
      const top = (a ** c / factorial(c)) * (c / (c - a));
      let sum = 0;
      for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
      expect(erlangC(c, a)).toBeCloseTo(top / (sum + top), 12);
      expect(q.L).toBeCloseTo(q.Lq + a, 10);
    }
  });

  it('§1.2 M/M/c response time and wait tails: c = 1 reduces to M/M/1, tails integrate to the means', () => {
    for (const rho of [0.5, 0.8, 0.9]) {
      const a = mmc(rho, 1, 1), b = mm1(rho, 1);
      for (const p of [0.5, 0.95, 0.99]) expect(a.responseQuantile(p)).toBeCloseTo(b.responseQuantile(p), 9);
    }
    for (const c of [2, 3, 4, 8]) {
      const q = mmc(0.8 * c, 1, c);
      // E[T] = ∫ P(T > t) dt (trapezoid on a fine grid), E[Wq] = C/theta.
      let area = 0;
      const h = 1e-3;
      for (let t = 0; t < 200; t += h) area += ((q.responseTail(t) + q.responseTail(t + h)) / 2) * h;
      expect(area).toBeCloseTo(q.W, 5);
      expect(q.waitTail(q.waitQuantile(0.99))).toBeCloseTo(0.01, 12);
      expect(q.responseTail(q.responseQuantile(0.99))).toBeCloseTo(0.01, 12);
      // The density is minus the tail's derivative.
      const t = q.responseQuantile(0.9), d = 1e-6;
      expect(q.responseDensity(t)).toBeCloseTo((q.responseTail(t - d) - q.responseTail(t + d)) / (2 * d), 6);
    }
    // theta = mu (c − a = 1): the Erlang-2 branch is continuous with its neighbours.
    const atOne = mmc(1, 1, 2), near = mmc(1 + 1e-7, 1, 2);
    expect(atOne.responseTail(3)).toBeCloseTo(near.responseTail(3), 5);
  });

  it('§1.3 M/D/1 and M/G/1 (Pollaczek–Khinchine, E[S] = 1)', () => {
    const md1 = [
      [0.5, 0.5, 1.5, 0.25, 0.75, 1],
      [0.8, 2, 3, 1.6, 2.4, 4],
      [0.9, 4.5, 5.5, 4.05, 4.95, 9],
      [0.95, 9.5, 10.5, 9.025, 9.975, 19],
    ];
    for (const [rho, Wq, W, Lq, L, WqMM1] of md1) {
      const q = mg1(rho, 1, 0);
      matchesTable(q.Wq, Wq); matchesTable(q.W, W); matchesTable(q.Lq, Lq); matchesTable(q.L, L);
      matchesTable(mg1(rho, 1, 1).Wq, WqMM1);
      expect(q.Wq).toBeCloseTo(mm1(rho, 1).Wq / 2, 12); // half the M/M/1 wait
    }
    const byCs2 = [
      [0.5, 0.5, 0.75, 1, 2.5],
      [0.8, 2, 3, 4, 10],
      [0.9, 4.5, 6.75, 9, 22.5],
    ];
    for (const [rho, d, e2, m, h2] of byCs2) {
      matchesTable(mg1(rho, 1, 0).Wq, d);
      matchesTable(mg1(rho, 1, 0.5).Wq, e2);
      matchesTable(mg1(rho, 1, 1).Wq, m);
      matchesTable(mg1(rho, 1, 4).Wq, h2);
    }
    // Scaling: E[S] = 10 ms, lambda = 0.08/ms is the table's rho = 0.8 in ms.
    expect(mg1(0.08, 10, 0).W).toBeCloseTo(30, 10);
    const ln = lognormalMoments(5, 1);
    expect(ln.mean).toBeCloseTo(5 * Math.exp(0.5), 12);
    expect(ln.cs2).toBeCloseTo(Math.E - 1, 12);
  });

  it('§1.4 Erlang B table, by the recursion and by the direct sum', () => {
    const loads = [0.5, 1, 2, 4, 8, 12];
    const rows: [number, number[]][] = [
      [1, [0.333333, 0.5, 0.666667, 0.8, 0.888889, 0.923077]],
      [2, [0.0769231, 0.2, 0.4, 0.615385, 0.780488, 0.847059]],
      [4, [0.00157978, 0.0153846, 0.0952381, 0.31068, 0.574635, 0.698464]],
      [8, [5.87614e-8, 9.124e-6, 0.000859476, 0.0304201, 0.23557, 0.422655]],
      [16, [4.42337e-19, 1.75827e-14, 4.23908e-10, 3.75978e-6, 0.00452983, 0.0604126]],
    ];
    for (const [c, values] of rows) {
      loads.forEach((a, i) => {
        matchesTable(erlangB(c, a), values[i]);
        let sum = 0;
        for (let k = 0; k <= c; k++) sum += a ** k / factorial(k);
        expect(erlangB(c, a) / ((a ** c / factorial(c)) / sum)).toBeCloseTo(1, 10);
      });
    }
  });

  it('§1.4 M/M/c/K table: P_K, lambda_eff, L, W; M/M/1/K closed form; K = c is Erlang B', () => {
    const rows = [
      [1, 5, 0.9, 0.126023, 0.78658, 2.19478, 2.79029],
      [1, 10, 0.9, 0.0508137, 0.854268, 3.96944, 4.6466],
      [1, 10, 1.5, 0.337232, 0.994152, 8.12866, 8.17648],
      [2, 10, 1.8, 0.0548073, 1.70135, 4.28141, 2.51648],
      [4, 4, 3.2, 0.228145, 2.46994, 2.46994, 1],
      [4, 8, 3.6, 0.0966355, 3.25211, 4.33194, 1.33204],
      [8, 16, 7.2, 0.0414697, 6.90142, 8.85361, 1.28287],
    ];
    for (const [c, K, lambda, PK, lambdaEff, L, W] of rows) {
      const q = mmck(lambda, 1, c, K);
      matchesTable(q.blocking, PK); matchesTable(q.lambdaEff, lambdaEff); matchesTable(q.L, L); matchesTable(q.W, W);
      if (c === 1) expect(q.blocking).toBeCloseTo(mm1kBlocking(lambda, K), 12);
      if (K === c) expect(q.blocking).toBeCloseTo(erlangB(c, lambda), 12);
      expect(q.L).toBeCloseTo(q.lambdaEff * q.W, 12);
    }
  });

  it('§1.6 Jackson: tandems and the microservice-shaped network', () => {
    const t2 = tandem(0.8, [1, 2]);
    matchesTable(t2.nodeW[0], 5); matchesTable(t2.nodeW[1], 0.833333);
    matchesTable(t2.W, 5.83333); matchesTable(t2.L, 4.66667);
    expect(tandem(0.9, [1, 1, 1]).W).toBeCloseTo(30, 10);
    // gateway(0) -> A(1) p=0.6, B(2) p=0.4; A -> DB(3) 0.5, A -> A 0.1; B -> DB 1; DB exits.
    const P = [
      [0, 0.6, 0.4, 0],
      [0, 0.1, 0, 0.5],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ];
    const j = jackson([10, 0, 0, 0], P, [25, 4, 5, 20], [1, 2, 1, 1]);
    const table = [
      [10, 0.4, 0.0666667, 0.666667],
      [6.66667, 0.833333, 0.818182, 5.45455],
      [4, 0.8, 1, 4],
      [7.33333, 0.366667, 0.0789474, 0.578947],
    ];
    table.forEach(([lambda, rho, W, L], i) => {
      matchesTable(j.lambda[i], lambda); matchesTable(j.rho[i], rho); matchesTable(j.W[i], W); matchesTable(j.L[i], L);
    });
    matchesTable(j.totalL, 10.7002);
    matchesTable(j.totalW, 1.07002);
  });

  it('§1.8 planning: kappa_L, relaxation times, customers for a half-width, relative SD at 1 M', () => {
    const rows = [
      // rho, kappa_L, relaxation, ±5 %, ±2 %, ±1 %, rel SD at 1 M
      [0.5, 12, 11.7, 18439, 115244, 460975, 0.0035],
      [0.8, 90, 89.7, 138293, 864328, 3457313, 0.0095],
      [0.9, 380, 379.7, null, 3649386, 14597544, 0.0195],
      [0.95, null, null, 2397070, 14981690, 59926759, 0.0395],
    ] as const;
    for (const [rho, k, relax, n5, n2, n1, rel] of rows) {
      if (k !== null) expect(kappaL(rho)).toBeCloseTo(k, 9);
      if (relax !== null) expect(relaxationTime(rho, 1)).toBeCloseTo(relax, 1);
      // Within one customer: (1 - 0.95)² is not exact in binary.
      if (n5 !== null) expect(Math.abs(customersFor(kappaL(rho), 0.05) - n5)).toBeLessThanOrEqual(1);
      expect(Math.abs(customersFor(kappaL(rho), 0.02) - n2)).toBeLessThanOrEqual(1);
      expect(Math.abs(customersFor(kappaL(rho), 0.01) - n1)).toBeLessThanOrEqual(1);
      expect(sdOfMean(1, kappaL(rho), 1e6)).toBeCloseTo(rel, 4);
    }
    // "200 k customers at rho = 0.8 give a relative SD of about 2.1 %."
    expect(sdOfMean(1, kappaL(0.8), 200_000)).toBeCloseTo(0.021, 3);
  });
});

describe('exact asymptotic variances of the birth–death estimators', () => {
  it('§1.8 the chain reproduces Whitt: sigma² of L = 2 rho (1+rho) / (mu (1-rho)^4), kappa_L = 2(1+rho)/(1-rho)²', () => {
    for (const rho of [0.3, 0.5, 0.8, 0.9, 0.95]) {
      const K = 1 + truncationFor(rho);
      for (const mu of [1, 0.1]) {
        const v = mmckAsymptoticVariance(rho * mu, mu, 1, K, { perTime: (n) => n });
        expect(v / ((2 * rho * (1 + rho)) / (mu * (1 - rho) ** 4))).toBeCloseTo(1, 9);
      }
    }
  });

  it('§1.8 kappa of the customer-average sojourn is ((1+rho)/(1-rho))², within the measured table (±8 %)', () => {
    const measured = [[0.5, 8.9], [0.8, 81.9], [0.9, 374.6]];
    for (const [rho, kT] of measured) {
      const T = 1e6;
      const s = mmckEstimatorSDs(rho, 1, 1, Infinity, T);
      const kappa = (s.W / s.theory.W) ** 2 * rho * T;
      expect(kappa).toBeCloseTo(((1 + rho) / (1 - rho)) ** 2, 6);
      expect(Math.abs(kappa / kT - 1)).toBeLessThan(0.08);
      expect(kappa).toBeLessThan(kappaL(rho)); // so kappa_L is a safe planning value
    }
  });

  it('§1.8 for M/M/c the M/M/1 kappa_L at the same rho is conservative (W, L); SD(Wq) <= SD(W)', () => {
    for (const c of [2, 4, 8, 16]) {
      for (const rho of [0.5, 0.8, 0.9]) {
        const T = 1e6, lambda = c * rho;
        const s = mmckEstimatorSDs(lambda, 1, c, Infinity, T);
        const n = lambda * T;
        expect((s.W / s.theory.W) ** 2 * n).toBeLessThan(kappaL(rho));
        expect((s.L / s.theory.L) ** 2 * n).toBeLessThan(kappaL(rho));
        expect(s.Wq).toBeLessThan(s.W);
      }
    }
  });

  it('the closed-form Poisson-equation solution agrees with a dense linear solve', () => {
    // Generator of the M/M/c/K chain; solve Q g = −(r − πr) with g(0) = 0 by
    // Gaussian elimination, then sum rate·(weight + Δg)² over transitions.
    const cases = [
      { lambda: 1.8, mu: 1, c: 2, K: 10 },
      { lambda: 3.6, mu: 1, c: 4, K: 8 },
      { lambda: 1.5, mu: 1, c: 1, K: 6 },
      { lambda: 2, mu: 1, c: 4, K: 4 },
    ];
    for (const { lambda, mu, c, K } of cases) {
      const q = mmck(lambda, mu, c, K);
      const rewards = [
        { perTime: (n: number) => n },
        { perTime: (n: number) => n, perAdmit: -q.W },
        { perTime: () => 0, perAdmit: -q.blocking, perBlock: 1 - q.blocking },
        { perTime: (n: number) => (n >= c ? 1 : 0) },
      ];
      for (const rw of rewards) {
        const dense = denseVariance(lambda, mu, c, K, rw.perTime, rw.perAdmit ?? 0, rw.perBlock ?? 0, q.p);
        expect(mmckAsymptoticVariance(lambda, mu, c, K, rw) / dense).toBeCloseTo(1, 8);
      }
    }
  });
});

function denseVariance(
  lambda: number, mu: number, c: number, K: number,
  perTime: (n: number) => number, wA: number, wB: number, p: readonly number[],
): number {
  const N = K + 1;
  const r = Array.from({ length: N }, (_, n) => perTime(n) + lambda * (n < K ? wA : wB));
  const mean = r.reduce((s, x, n) => s + x * p[n], 0);
  // Rows 1..K of Q g = −(r − mean), with g(0) = 0 fixed (one equation is redundant).
  const A = Array.from({ length: N }, () => new Array<number>(N + 1).fill(0));
  for (let n = 0; n < N; n++) {
    const up = n < K ? lambda : 0, down = mu * Math.min(n, c);
    if (n < K) A[n][n + 1] += up;
    if (n > 0) A[n][n - 1] += down;
    A[n][n] -= up + down;
    A[n][N] = -(r[n] - mean);
  }
  // Replace equation 0 by g(0) = 0.
  A[0].fill(0);
  A[0][0] = 1;
  for (let col = 0; col < N; col++) {
    let piv = col;
    for (let i = col + 1; i < N; i++) if (Math.abs(A[i][col]) > Math.abs(A[piv][col])) piv = i;
    [A[col], A[piv]] = [A[piv], A[col]];
    for (let i = 0; i < N; i++) {
      if (i === col) continue;
      const f = A[i][col] / A[col][col];
      for (let k = col; k <= N; k++) A[i][k] -= f * A[col][k];
    }
  }
  const g = A.map((row, i) => row[N] / row[i]);
  let v = 0;
  for (let n = 0; n < N; n++) {
    if (n < K) v += p[n] * lambda * (wA + g[n + 1] - g[n]) ** 2;
    else v += p[n] * lambda * wB * wB;
    if (n > 0) v += p[n] * mu * Math.min(n, c) * (g[n - 1] - g[n]) ** 2;
  }
  return v;
}
