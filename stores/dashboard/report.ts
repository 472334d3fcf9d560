import type { DashboardDeps, HistoryState } from './state';
import { BENCH_MARKS } from '@/utils/bench-marks';

/** One session's report, a relationship's open commitments, and the "due this week" list. */
export function reportActions(s: HistoryState, deps: () => DashboardDeps) {
  const gone = () => {
    s.report.value = null;
    s.notice.error = 'That session is no longer here: it may have been deleted.';
  };

  async function openSession(id: string) {
    const d = deps();
    try {
      const session = await d.sessions.get(id);
      if (!session) return gone();
      const commitments = await d.commitments.listBySession(id);
      const relationship = session.relationshipId
        ? (s.relationshipById.value.get(session.relationshipId) ?? null)
        : null;
      s.report.value = { session, relationship, commitments };
    } catch (e) {
      s.fail(e, 'Attune could not open that session. Try again.');
    }
  }

  function closeSession() {
    s.report.value = null;
  }

  /**
   * Deletes the kept transcript of the session in the report, and nothing else: its counts (and
   * the listening moves' times) stay. The last save's time is kept, so a session that never ended
   * keeps its best known end. Under a locked passphrase the sealed write is refused: nothing changes.
   */
  async function deleteTranscript(id: string) {
    const shown = s.report.value;
    const d = deps();
    if (shown?.session.id !== id || !shown.session.transcript) return;
    try {
      const next = await d.sessions.checkpoint(id, {
        transcript: null,
        lastCheckpointAt: shown.session.lastCheckpointAt,
      });
      if (!next) return gone();
      if (s.report.value?.session.id === id) s.report.value = { ...s.report.value, session: next };
      s.done('Deleted the transcript of this session. Its counts, notes and summary stay.');
    } catch (e) {
      s.fail(
        e,
        'Attune could not delete the transcript. If your notes are locked, unlock them in Settings, then try again.',
      );
    }
  }

  async function openRelationship(id: string) {
    const d = deps();
    try {
      s.carryOver.value = { relationshipId: id, items: await d.commitments.listCarryOver(id) };
    } catch (e) {
      s.fail(e, 'Attune could not load the open commitments. Try again.');
    }
  }

  /** Reads every open commitment again, for the "due this week" list. */
  async function loadDue() {
    const d = deps();
    try {
      s.openCommitments.value = await d.commitments.listOpen();
    } catch (e) {
      s.fail(e, 'Attune could not read which commitments are due. Reload the page to try again.');
    } finally {
      // The benchmark closes a tab only after this, so no run's reading spills into the next.
      globalThis.performance?.mark?.(BENCH_MARKS.dueCurrent);
    }
  }

  return { openSession, closeSession, deleteTranscript, openRelationship, loadDue };
}
