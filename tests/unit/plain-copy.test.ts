import { describe, expect, it } from 'vitest';
import { isProxy, reactive, ref } from 'vue';
import { plainCopy } from '@/utils/plain-copy';

describe('plainCopy', () => {
  it('copies reactive state, nested proxies included, into values structuredClone accepts', () => {
    const inner = reactive({ minutes: { open: 5 } });
    const state = ref<Record<string, unknown>>({ grow: inner, list: [reactive({ id: 'a' })] });
    const copy = plainCopy(state.value);
    expect(copy).toEqual({ grow: { minutes: { open: 5 } }, list: [{ id: 'a' }] });
    expect(isProxy(copy)).toBe(false);
    expect(() => structuredClone(copy)).not.toThrow();
  });

  it('is a copy: changing the state afterwards leaves it as it was', () => {
    const state = reactive({ hidden: ['q1'] });
    const copy = plainCopy(state);
    state.hidden.push('q2');
    expect(copy).toEqual({ hidden: ['q1'] });
  });
});
