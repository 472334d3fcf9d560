import { afterEach, beforeEach } from 'vitest';

/**
 * Runs each test of the calling `describe` with the process in time zone `zone` (an IANA name),
 * and puts the machine's own back after. Node reads TZ again whenever it is set, so dates made in
 * the test are that zone's local dates, whatever zone the machine running the suite is in.
 */
export function inTimeZone(zone: string): void {
  let machine: string | undefined;
  beforeEach(() => {
    machine = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (machine === undefined) delete process.env.TZ;
    else process.env.TZ = machine;
  });
}
