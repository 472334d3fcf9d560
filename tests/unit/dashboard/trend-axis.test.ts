import { describe, expect, it } from 'vitest';
import { valueCeiling, valueTicks } from '@/utils/dashboard/trend-axis';

describe('value axis', () => {
  it('runs shares from 0 to 100%', () => {
    expect(valueCeiling('share', [0.3, 0.9])).toBe(1);
  });

  it.each([
    [[50, 130], 180],
    [[], 60],
    [[700], 900],
  ])('scales seconds %j to a round ceiling of %i above the longest value', (values, ceiling) => {
    expect(valueCeiling('seconds', values)).toBe(ceiling);
  });

  it('labels the floor, the middle and the ceiling', () => {
    expect(valueTicks(180)).toEqual([0, 90, 180]);
  });
});
