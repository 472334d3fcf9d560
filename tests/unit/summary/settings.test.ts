import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUMMARY_SETTINGS,
  endpointOrigin,
  endpointProblem,
  readSummarySettings,
} from '@/utils/summary/settings';
import { sessionMaterial } from '@/utils/summary/material';
import { fakeSession } from '../../support/records';

describe('summary settings', () => {
  it.each([
    ['https://api.openai.com/v1', null],
    ['http://localhost:11434/v1', null],
    ['http://127.0.0.1:8080/v1', null],
    ['http://models.example.com/v1', /only for a model on this computer/],
    ['not a url', /not a web address/],
    ['https://user:secret@example.com/v1', /not in the address/],
  ])('checks the endpoint %s', (baseURL, problem) => {
    const found = endpointProblem({ baseURL, model: 'gpt-4o-mini' });
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('asks for a model name', () => {
    expect(endpointProblem({ baseURL: 'https://api.openai.com/v1', model: ' ' })).toMatch(/Name the model/);
  });

  it('asks for permission for the endpoint’s host only', () => {
    expect(endpointOrigin('http://localhost:11434/v1')).toBe('http://localhost/*');
    expect(endpointOrigin(' https://api.openai.com/v1 ')).toBe('https://api.openai.com/*');
  });

  it('reads stored settings, replacing what is missing or wrong with defaults', () => {
    expect(readSummarySettings(undefined)).toEqual(DEFAULT_SUMMARY_SETTINGS);
    expect(readSummarySettings({ enabled: true, model: 7, apiKey: 'sk-1' })).toEqual({
      ...DEFAULT_SUMMARY_SETTINGS,
      enabled: true,
      apiKey: 'sk-1',
    });
  });
});

describe('summary material', () => {
  it('gives each stage the minutes until the next one, the last until the end', () => {
    const session = fakeSession({
      agenda: 'Delegation',
      stageTimeline: [
        { stageId: 'goal', at: 0 },
        { stageId: 'reality', at: 10 * 60_000 },
      ],
      endedAt: 25 * 60_000,
    });
    const material = sessionMaterial(
      session,
      { mentorName: 'Alex', menteeName: 'Priya' },
      [{ owner: 'Priya', action: 'Send it', due: null }],
      (id) => id.toUpperCase(),
    );
    expect(material.stages).toEqual([
      { name: 'GOAL', minutes: 10 },
      { name: 'REALITY', minutes: 15 },
    ]);
    expect(material).toMatchObject({ mentorName: 'Alex', menteeName: 'Priya', agenda: 'Delegation', transcript: null });
  });
});
