import type { SelectorTable } from './selectors';
import { attrSelector, phraseAlternatives, phrasePattern } from './labels/phrases';
import { TEAMS_ENDED, TEAMS_JOIN_NOW, TEAMS_LEAVE, TEAMS_PROFILE, TEAMS_SPEAKING, TEAMS_YOU } from './labels/teams';

/**
 * The own video's label is "<words>, <name>" in every UI language ("Myself video, Lee Chen",
 * "Mein Video, Lee Chen"): the data-tid says whose tile it is, so the name is whatever follows
 * the first comma (issue 14).
 */
export const MYSELF_VIDEO_NAME = /^[^,、，]+[,、，]\s*(.+)$/u;
/** "Lee Chen (you)", "Lee Chen (Sie)": the account menu's name, without the mark in any language. */
export const ME_CONTROL_NAME = new RegExp(`^(.+?)(?:\\s*[(（](?:${phraseAlternatives(TEAMS_YOU)})[)）])?$`, 'iu');

// Seen in Teams on the web (new Teams, 2024–2026): the call bar's "Leave" button carries
// id="hangup-button" and data-tid="hangup-main-btn"; the pre-join screen has
// data-tid="prejoin-join-button" and a display-name field; the end screen says the call ended.
export const TEAMS_SELECTORS: SelectorTable = {
  platform: 'teams',
  // Teams 2024–25 hosts the call in iframe[id^="experience-container"] (a public Teams meeting
  // assistant extension reads the call's timer and roster through this frame's
  // contentWindow.document, 2024; issue 14). Same-origin: read from the top frame; another
  // origin: the content script runs in the frame itself (allFrames, see frame-role.ts).
  frames: ['iframe[id^="experience-container"]'],
  inCall: [
    { css: '[data-tid="hangup-main-btn"], button#hangup-button' },
    { css: attrSelector('[data-tid="call-control-bar"] button', 'aria-label', '^=', TEAMS_LEAVE, 'localised') },
    { css: attrSelector('[data-tid="call-control-bar"] button', 'aria-label', '^=', TEAMS_LEAVE, 'english') },
  ],
  // The call bar's hang-up button (id="hangup-button", data-tid="hangup-main-btn"; the primary
  // in-call control in Vexa-ai/vexa's msteams/selectors.ts, 2025–26) gone for a few seconds after
  // the call was on, with no pre-join or end screen recognised, is the end of the call: Teams
  // does not always show an end screen (issue 14's 2026 captures). It coming back is a rejoin.
  endWhenControlsVanishMs: 4_000,
  lobby: [
    { css: '[data-tid="prejoin-join-button"]' },
    { css: 'button', text: phrasePattern(TEAMS_JOIN_NOW, 'whole', 'localised') },
    { css: 'button', text: phrasePattern(TEAMS_JOIN_NOW, 'whole', 'english') },
  ],
  left: [
    { css: '[data-tid="call-ended-screen"]' },
    // The end screen a guest sees when the meeting ends or they are removed; public Teams bots
    // watch for its header and its rejoin button (exit checks on
    // button[data-tid="anon-meeting-end-screen-rejoin-button"], 2025).
    { css: '[data-tid="anon-meeting-end-screen-header"], button[data-tid="anon-meeting-end-screen-rejoin-button"]' },
    { css: '[data-tid="post-call-screen"]' },
    { css: 'h1, h2, [role="heading"]', text: phrasePattern(TEAMS_ENDED, 'anywhere', 'localised') },
    { css: 'h1, h2, [role="heading"]', text: phrasePattern(TEAMS_ENDED, 'anywhere', 'english') },
  ],
  title: [
    { css: '[data-tid="call-title"]', from: 'text' },
    // "Meeting with Sam | Microsoft Teams" or "Weekly mentoring | Microsoft Teams".
    { from: 'document-title', pattern: /^(?:\(\d+\)\s*)?(.+?)\s*\|\s*Microsoft Teams$/ },
  ],
  selfName: [
    { css: '[data-tid="prejoin-display-name-input"], input#prejoin-display-name-input', from: 'value' },
    // In the call: the own video tile is labelled "Myself video, <name>" and the account menu
    // holds span[data-tid="me-control-displayname"] (Teams caption savers read both, 2025–26).
    { css: '[data-tid="myself-video"][aria-label]', from: 'attr', attr: 'aria-label', pattern: MYSELF_VIDEO_NAME },
    { css: 'span[data-tid="me-control-displayname"]', from: 'text', pattern: ME_CONTROL_NAME },
    {
      css: '[data-tid="me-control-avatar-trigger"]',
      from: 'attr',
      attr: 'aria-label',
      pattern: new RegExp(`^(?:${phraseAlternatives(TEAMS_PROFILE)})(?:\\s*[,:：]\\s*|\\s+)(.+)$`, 'iu'),
    },
  ],
  // New Teams renders each participant as data-cid="calling-participant-stream"; the speaking ring
  // is data-tid="voice-level-stream-outline" with an extra class while the voice level is up.
  participantTiles: ['[data-cid="calling-participant-stream"]', '[data-tid="calling-participant-stream"]'],
  speaking: [
    { css: '[data-cid="calling-participant-stream"][data-is-speaking="true"]' },
    // 2026: the outline no longer changes class; its inline style grows from `height: 0px` to a
    // visible bar or ring while the voice level is up, on the outline or on the tile itself.
    // Evidence: Vexa-ai/vexa, Teams speaker-indicator tests ("an outline whose inline style
    // animates", live 2026 meeting where vdi-frame-occlusion never fired).
    { css: '[data-cid="calling-participant-stream"] [data-tid="voice-level-stream-outline"]', inlineRing: true },
    { css: '[data-cid="calling-participant-stream"]', inlineRing: true },
    // The ring element itself carrying data-is-speaking (a 2026 accessibility-tree write-up of
    // the Teams web client: `<div data-tid="voice-level-stream-outline" data-is-speaking="true">`).
    { css: '[data-tid="voice-level-stream-outline"][data-is-speaking="true"]' },
    { css: attrSelector('[data-cid="calling-participant-stream"]', 'aria-label', '*=', TEAMS_SPEAKING) },
    { css: '[data-tid="voice-level-stream-outline"].vdi-frame-occlusion' },
  ],
  // data-stream-type holds "Video" or "ScreenSharing", never "local": the own tile is the one
  // holding data-tid="myself-video" (seen in 2026 captures of teams.live.com and work Teams).
  selfTile: [
    '[data-tid="myself-video"]',
    '[data-cid="calling-participant-stream"][data-stream-type="local"]',
    '[data-tid="local-video-stream"]',
  ],
};
