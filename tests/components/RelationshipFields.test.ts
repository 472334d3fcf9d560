import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import RelationshipFields, { type RelationshipFieldValues } from '@/components/RelationshipFields.vue';

const fields = (over: Partial<RelationshipFieldValues> = {}): RelationshipFieldValues => ({
  mentorName: 'Alex Morgan',
  menteeName: 'Priya Shah',
  mode: 'mentoring',
  ...over,
});

describe('RelationshipFields', () => {
  it('names the two people for the kind chosen, and follows a change of kind', async () => {
    const w = mount(RelationshipFields, { props: { modelValue: fields() } });
    const labels = () => w.findAll('label').map((l) => l.text().split(' ')[0]);
    expect(labels()).toEqual(['Kind', 'Mentor', 'Mentee']);
    await w.setProps({ modelValue: fields({ mode: 'specialist-coaching' }) });
    expect(labels()).toEqual(['Kind', 'Coach', 'Coachee']);
  });

  it('hands back a new object with the field changed, leaving the one it was given alone', async () => {
    const given = fields();
    const w = mount(RelationshipFields, { props: { modelValue: given } });
    await w.get('select').setValue('co-coaching');
    await w.findAll('input')[1]?.setValue('Sam Lee');
    const updates = w.emitted('update:modelValue') as RelationshipFieldValues[][];
    expect(updates[0]?.[0]).toEqual(fields({ mode: 'co-coaching' }));
    expect(updates[1]?.[0]?.menteeName).toBe('Sam Lee');
    expect(given).toEqual(fields());
  });

  it('asks for the mentee’s e-mail only where asked to', () => {
    expect(
      mount(RelationshipFields, { props: { modelValue: fields() } })
        .find('input[type="email"]')
        .exists(),
    ).toBe(false);
    const w = mount(RelationshipFields, { props: { modelValue: fields({ email: '' }), withEmail: true } });
    expect(w.get('input[type="email"]').attributes('placeholder')).toBe('name@example.org');
  });
});
