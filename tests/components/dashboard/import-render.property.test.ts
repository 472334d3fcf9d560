import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mount } from '@vue/test-utils';
import SessionReport from '@/components/dashboard/SessionReport.vue';
import RelationshipList from '@/components/dashboard/RelationshipList.vue';
import { parseSessionJson, sessionJson } from '@/utils/export/json';
import { safeDate } from '@/utils/format';
import { fakeRelationship, fakeSession } from '../../support/records';

const LATEST = Date.UTC(2100, 0, 1);
// The edges of what an import accepts, and anything between.
const instant = fc.oneof(fc.constantFrom(0, 1, LATEST - 1, LATEST), fc.integer({ min: 0, max: LATEST }));

describe('what an import accepts, rendered', () => {
  it('a session export with any accepted dates is read and its report and relationship row render real dates', () => {
    fc.assert(
      fc.property(instant, instant, instant, (startedAt, endedAt, updatedAt) => {
        const session = {
          ...fakeSession(),
          startedAt,
          endedAt,
          lastCheckpointAt: endedAt,
          stageTimeline: [],
          promptsUsed: [],
        };
        const relationship = { ...fakeRelationship(), createdAt: startedAt, updatedAt };
        const read = parseSessionJson(
          sessionJson({ session, relationship, commitments: [], nextCheckIn: null }, Date.UTC(2026, 11, 4)),
        );
        const report = mount(SessionReport, {
          props: { session: read.session, relationship: read.relationship, commitments: [], model: null },
        });
        expect(report.text()).not.toMatch(/Invalid Date|NaN/);
        const list = mount(RelationshipList, {
          props: {
            rows: [{ relationship: read.relationship!, sessions: 1, lastAt: read.session.startedAt, open: 0 }],
            openCommitments: null,
          },
        });
        expect(list.text()).not.toMatch(/Invalid Date|NaN/);
        report.unmount();
        list.unmount();
      }),
      { numRuns: 40 },
    );
  });

  it('a report whose stored start is no real moment says "unknown date" instead of breaking', () => {
    const w = mount(SessionReport, {
      props: {
        session: { ...fakeSession(), startedAt: 1e300, endedAt: null },
        relationship: null,
        commitments: [],
        model: null,
      },
    });
    expect(w.text()).toContain('unknown date');
  });

  it('the date helper never throws, whatever number it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.constant(1e300), fc.constant(-8.64e15 - 1)), (ms) => {
        expect(typeof safeDate(ms, { dateStyle: 'medium' })).toBe('string');
      }),
    );
  });
});
