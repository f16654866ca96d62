/**
 * Named random streams: one seeded generator per purpose ("arrivals:browse",
 * "cpu:catalog.list"), so adding a component never shifts another's draws.
 * Alea (from seedrandom): fast, passes BigCrush, and the same in Node and browsers.
 */
import seedrandom from 'seedrandom';

/** Uniform in (0, 1]: never 0, so -log(u) is finite. */
export type Uniform = () => number;

export class RandomStreams {
  private readonly streams = new Map<string, Uniform>();

  constructor(readonly seed: number) {}

  stream(name: string): Uniform {
    let s = this.streams.get(name);
    if (!s) {
      const g = seedrandom.alea(`${this.seed}\u0000${name}`);
      s = () => 1 - g();
      this.streams.set(name, s);
    }
    return s;
  }
}
