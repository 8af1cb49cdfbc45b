import { describe, expect, it } from 'vitest';
import { statusOf } from '../../shared/obligation-status';
import { progressText, stageText } from '../../web/app/labels';

const open = { state: 'open' as const, daysLeft: 40, chiefOfficerCommentsDaysLeft: 10, historical: false };

describe('the status an obligation shows', () => {
  it('grows more urgent as the last day nears, and says so in words', () => {
    expect(statusOf(open)).toMatchObject({ code: 'on-track', urgency: 'green', label: 'On track' });
    expect(statusOf({ ...open, daysLeft: 21 })).toMatchObject({ code: 'due-within-weeks', urgency: 'amber' });
    expect(statusOf({ ...open, daysLeft: 7 })).toMatchObject({ code: 'due-soon', urgency: 'red', label: 'Due within 7 days' });
    expect(statusOf({ ...open, state: 'overdue', daysLeft: -3 })).toMatchObject({ code: 'overdue', urgency: 'red' });
  });

  it('turns amber when the chief officer’s comments are late, though the response is not yet near', () => {
    expect(statusOf({ ...open, chiefOfficerCommentsDaysLeft: -3 })).toMatchObject({
      code: 'comments-late',
      urgency: 'amber',
      label: 'Chief officer’s comments late',
    });
    expect(statusOf({ ...open, chiefOfficerCommentsDaysLeft: 0 })).toMatchObject({ code: 'on-track' });
    // Comments recorded: nothing is awaited.
    expect(statusOf({ ...open, chiefOfficerCommentsDaysLeft: null })).toMatchObject({ code: 'on-track' });
  });

  it('shows a historical report as historical, not overdue, and a closed one as what closed it', () => {
    expect(statusOf({ ...open, state: 'overdue', daysLeft: -2716, historical: true })).toMatchObject({ code: 'historical', urgency: 'grey' });
    expect(statusOf({ ...open, state: 'responded', historical: true })).toMatchObject({ code: 'responded' });
    expect(statusOf({ ...open, state: 'archived' })).toMatchObject({ code: 'archived', urgency: 'grey' });
    expect(statusOf({ ...open, state: 'awaiting-publication-date', daysLeft: null })).toMatchObject({ code: 'needs-publication-date', urgency: 'amber' });
  });
});

describe('what the page says of reminders and progress', () => {
  it('names each reminder stage in words', () => {
    expect(stageText('due-in-14-days')).toBe('14 days before');
    expect(stageText('due-in-1-day')).toBe('1 day before');
    expect(stageText('due-today')).toBe('On the day');
    expect(stageText('overdue-22-days')).toBe('22 days late');
  });

  it('says what a change to progress recorded or undid', () => {
    const none = { chiefOfficerCommentsReceivedOn: null, responsePublishedOn: null, responseUrl: null, explainedRecommendations: [], recommendationNotes: {} };
    const date = (on: string) => on;
    expect(progressText(none, { ...none, chiefOfficerCommentsReceivedOn: '2026-11-30', explainedRecommendations: ['2'] }, date)).toEqual([
      'Chief officer’s comments received on 2026-11-30',
      'Recommendation 2 explained',
    ]);
    expect(progressText({ ...none, responsePublishedOn: '2026-11-30', explainedRecommendations: ['1'] }, none, date)).toEqual([
      'Response published: undone',
      'Recommendation 1: explanation undone',
    ]);
  });
});
