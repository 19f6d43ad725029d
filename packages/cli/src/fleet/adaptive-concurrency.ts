/**
 * How many domains a fleet run keeps in flight: `--concurrency` at most, halved when a domain's
 * lookups ran into resolver trouble (timeouts, refused or failed requests, SERVFAIL), and raised by
 * one again after as many trouble-free domains as the current limit (AIMD, as TCP backs off). One
 * halving per round: domains started before the last change do not halve it again, so a burst of
 * failures from the same moment counts once.
 */
export class AdaptiveConcurrency {
  private current: number;
  private round = 0;
  private cleanSinceChange = 0;

  constructor(private readonly max: number) {
    this.current = max;
  }

  get limit(): number {
    return this.current;
  }

  /** A token to hand back with the outcome of a domain started now. */
  started(): number {
    return this.round;
  }

  finished(startedIn: number, resolverTrouble: boolean): void {
    if (resolverTrouble) {
      if (startedIn !== this.round) return;
      this.round++;
      this.cleanSinceChange = 0;
      this.current = Math.max(1, Math.floor(this.current / 2));
      return;
    }
    if (this.current >= this.max) return;
    this.cleanSinceChange++;
    if (this.cleanSinceChange >= this.current) {
      this.current++;
      this.cleanSinceChange = 0;
      this.round++;
    }
  }
}
