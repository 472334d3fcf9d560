import { describe, expect, it } from 'vitest';
import { readStored, removeStored, storedValue, writeStored } from '@/utils/storage-area';
import { memoryArea } from '../../support/memory-area';

const LIMIT = storedValue('limit', (raw): number => (typeof raw === 'number' && raw > 0 ? raw : 30));

describe('a stored value read and written through an area', () => {
  it('reads what was written, through the parser', async () => {
    const area = memoryArea();
    await writeStored(area, LIMIT, 90);
    expect(area.data.get('limit')).toBe(90);
    expect(await readStored(area, LIMIT)).toBe(90);
  });

  it('gives the parser’s default where the key is absent, damaged or removed', async () => {
    const area = memoryArea({ initial: { limit: 'ninety' } });
    expect(await readStored(area, LIMIT)).toBe(30);
    await writeStored(area, LIMIT, 7);
    await removeStored(area, LIMIT);
    expect(area.data.has('limit')).toBe(false);
    expect(await readStored(area, LIMIT)).toBe(30);
  });
});
