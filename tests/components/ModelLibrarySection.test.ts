import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ModelLibrarySection from '@/components/ModelLibrarySection.vue';
import { useModelLibraryStore } from '@/stores/shared/model-library';
import { useStagesStore } from '@/stores/shared/stages';
import { installServices } from '@/utils/services';
import { CUSTOMISATION_KEY } from '@/utils/frameworks/customise';
import { memoryArea } from '../support/memory-area';

describe('ModelLibrarySection: the model editor on the library and the model in use', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('adds the mentor’s question to the stage in use, keeps it in the library, and shows the library’s errors', async () => {
    const area = memoryArea();
    installServices({ local: area });
    const stages = useStagesStore();
    const first = stages.model.stages[0]?.id ?? '';
    await stages.selectStage(first, 1);
    const wrapper = mount(ModelLibrarySection, { props: { now: () => 5 } });

    await wrapper.get('#own-question').setValue('What would make this hour worth it?');
    await wrapper.get('form.add').trigger('submit');
    await flushPromises();
    expect(stages.currentStage?.questions.some((q) => q.text === 'What would make this hour worth it?')).toBe(true);
    const saved = (await area.get(CUSTOMISATION_KEY))[CUSTOMISATION_KEY] as Record<string, { added: unknown[] }>;
    expect(Object.keys(saved)).toEqual([stages.model.id]);

    useModelLibraryStore().editError = 'That file is not an Attune model.';
    await flushPromises();
    expect(wrapper.text()).toContain('That file is not an Attune model.');
  });
});
