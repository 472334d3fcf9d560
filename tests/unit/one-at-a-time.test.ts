import { describe, expect, it } from 'vitest';
import { oneAtATime } from '@/utils/one-at-a-time';

describe('oneAtATime', () => {
  it('joins a call made while the work runs, and runs again once it is done', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const work = oneAtATime(async () => {
      runs += 1;
      await new Promise<void>((resolve) => (release = resolve));
    });
    const first = work();
    const second = work();
    expect(runs).toBe(1);
    release();
    await Promise.all([first, second]);
    const third = work();
    expect(runs).toBe(2);
    release();
    await third;
  });

  it('lets the next call run after a failure', async () => {
    let runs = 0;
    const work = oneAtATime(async () => {
      runs += 1;
      if (runs === 1) throw new Error('disk full');
    });
    await expect(work()).rejects.toThrow('disk full');
    await work();
    expect(runs).toBe(2);
  });
});
