/**
 * Memory of the process: the kernel's peak (`process.resourceUsage().maxRSS`, for the whole life of the
 * process, so each scale runs in its own child process) and the peak of RSS sampled while a phase runs
 * (what that phase itself reached, in this process).
 */
export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 50) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  private sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  /** Stops sampling; the peak sampled, in MiB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak / (1024 * 1024);
  }
}
