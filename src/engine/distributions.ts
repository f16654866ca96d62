/**
 * Samplers for the scenario format's distributions, over an injected uniform
 * source (d3-random style). Sampling uses fmath's portable log/exp, never
 * Math.log/exp/cos/pow, whose last bits differ between JavaScript engines. Each sampler also knows its mean and squared
 * coefficient of variation, so tests and the UI can quote theory.
 */
import type { Dist } from '../scenario/types';
import type { Uniform } from './rng';
import { exp, log, powPositive } from './fmath';

export type Sampler = (u: Uniform) => number;

/**
 * Standard normal by Marsaglia's polar method: needs only log and sqrt, both
 * portable (no cos), so draws are bit-identical in Node and browsers. One
 * value per call (the pair's second is dropped) keeps streams simple.
 */
function gauss(u: Uniform): number {
  for (;;) {
    const x = 2 * u() - 1, y = 2 * u() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * log(s)) / s);
  }
}

export function sampler(d: Dist): Sampler {
  switch (d.kind) {
    case 'const': {
      const v = d.value;
      return () => v;
    }
    case 'exp': {
      const m = d.mean;
      return (u) => -m * log(u());
    }
    case 'lognormal': {
      const mu = log(d.median), s = d.sigma;
      return (u) => exp(mu + s * gauss(u));
    }
    case 'normal': {
      // Truncated at 0 by rejection (format: "truncated at 0").
      const m = d.mean, sd = d.sd;
      return (u) => {
        for (let i = 0; i < 1000; i++) {
          const x = m + sd * gauss(u);
          if (x >= 0) return x;
        }
        return 0;
      };
    }
    case 'uniform': {
      const a = d.min, w = d.max - d.min;
      return (u) => a + w * (1 - u());
    }
    case 'erlang': {
      const k = d.k, phase = d.mean / d.k;
      return (u) => {
        let p = 1;
        for (let i = 0; i < k; i++) p *= u();
        return -phase * log(p);
      };
    }
    case 'pareto': {
      const xm = d.scale, inv = 1 / d.shape;
      return (u) => xm / powPositive(u(), inv);
    }
    case 'bimodal': {
      const fast = d.fast, slow = d.slow, pf = d.slowFraction;
      return (u) => (u() <= pf ? slow : fast);
    }
  }
}

/** Mean of the (untruncated) distribution, ms. Infinity where it has none. */
export function distMean(d: Dist): number {
  switch (d.kind) {
    case 'const': return d.value;
    case 'exp': return d.mean;
    case 'lognormal': return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case 'normal': return d.mean;
    case 'uniform': return (d.min + d.max) / 2;
    case 'erlang': return d.mean;
    case 'pareto': return d.shape > 1 ? (d.shape * d.scale) / (d.shape - 1) : Infinity;
    case 'bimodal': return d.fast * (1 - d.slowFraction) + d.slow * d.slowFraction;
  }
}

/** Squared coefficient of variation Var/mean² (untruncated). */
export function distCs2(d: Dist): number {
  switch (d.kind) {
    case 'const': return 0;
    case 'exp': return 1;
    case 'lognormal': return Math.exp(d.sigma * d.sigma) - 1;
    case 'normal': return d.mean > 0 ? (d.sd * d.sd) / (d.mean * d.mean) : Infinity;
    case 'uniform': {
      const m = (d.min + d.max) / 2;
      return m > 0 ? ((d.max - d.min) ** 2 / 12) / (m * m) : 0;
    }
    case 'erlang': return 1 / d.k;
    case 'pareto': return d.shape > 2 ? 1 / (d.shape * (d.shape - 2)) : Infinity;
    case 'bimodal': {
      const m = distMean(d);
      const e2 = d.fast * d.fast * (1 - d.slowFraction) + d.slow * d.slow * d.slowFraction;
      return m > 0 ? e2 / (m * m) - 1 : 0;
    }
  }
}

/** A distribution in the scenario format's own notation (durations in ms). */
export function distText(d: Dist): string {
  const ms = (x: number) => `${Math.round(x * 1000) / 1000}ms`;
  switch (d.kind) {
    case 'const': return ms(d.value);
    case 'exp': return `exp(${ms(d.mean)})`;
    case 'lognormal': return `lognormal(${ms(d.median)}, ${d.sigma})`;
    case 'normal': return `normal(${ms(d.mean)}, ${ms(d.sd)})`;
    case 'uniform': return `uniform(${ms(d.min)}, ${ms(d.max)})`;
    case 'erlang': return `erlang(${d.k}, ${ms(d.mean)})`;
    case 'pareto': return `pareto(${ms(d.scale)}, ${d.shape})`;
    case 'bimodal': return `bimodal(${ms(d.fast)}, ${ms(d.slow)}, ${d.slowFraction})`;
  }
}
