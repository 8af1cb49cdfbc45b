import { describe, expect, it } from 'vitest';
import { handlerEnvironment, readHandlerEnvironment } from '../../functions/commons/environment';
import { loadDeploymentConfiguration } from '../../infra/configuration-file';
import { ConfigurationError, chiefOfficerCommentsDayFor, parseDeploymentConfiguration, reminderSettingsFor } from '../../shared/configuration';
import { DEFAULT_REMINDER_SETTINGS } from '../../shared/reminders';

const valid = {
  senderAddress: 'reminders@example.org',
  localPolicingBodies: [{ id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Police', recipients: ['a@example.org', 'A@example.org', 'b@example.org'] }],
};

function problemsOf(raw: unknown): string[] {
  try {
    parseDeploymentConfiguration(raw, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('deployment configuration', () => {
  it('accepts a valid file, naming forces canonically and dropping repeated addresses', () => {
    const configuration = parseDeploymentConfiguration(valid, 'test.json');
    expect(configuration.localPolicingBodies[0]).toMatchObject({
      force: 'Cumbria Constabulary',
      recipients: ['a@example.org', 'b@example.org'],
    });
  });

  it('says where each problem is and what to write instead', () => {
    const problems = problemsOf({
      senderAddress: 'not-an-address',
      localPolicingBodies: [{ id: 'Cumbria PFCC', name: '', force: 'Cumbria Constabulary', recipients: [] }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^senderAddress: must be an email address/),
        expect.stringMatching(/^localPolicingBodies\[0\]\.id: must be a short id/),
        expect.stringMatching(/^localPolicingBodies\[0\]\.name: must name the body/),
        expect.stringMatching(/^localPolicingBodies\[0\]\.recipients: must list at least one address/),
      ]),
    );
  });

  it('refuses an unknown force and a repeated id', () => {
    const body = valid.localPolicingBodies[0]!;
    const problems = problemsOf({ ...valid, localPolicingBodies: [body, { ...body, force: 'Gotham City Police' }] });
    expect(problems).toEqual([
      expect.stringContaining('"cumbria" is used twice'),
      expect.stringContaining('"Gotham City Police" is not one of the 43 territorial forces'),
    ]);
  });

  it('takes a body’s own chief officer’s date and reminder stages over the defaults', () => {
    const body = valid.localPolicingBodies[0]!;
    const configuration = parseDeploymentConfiguration(
      { ...valid, localPolicingBodies: [{ ...body, chiefOfficerCommentsDay: 21, reminders: { 'response-due': { daysBefore: [21, 7] } } }] },
      'test.json',
    );
    const [configured] = configuration.localPolicingBodies;
    expect(chiefOfficerCommentsDayFor(configured!)).toBe(21);
    expect(reminderSettingsFor(configured!)['response-due']).toEqual({ ...DEFAULT_REMINDER_SETTINGS['response-due'], daysBefore: [21, 7] });
    expect(reminderSettingsFor(configured!)['chief-officer-comments']).toEqual(DEFAULT_REMINDER_SETTINGS['chief-officer-comments']);
  });

  it('refuses a chief officer’s date outside the 56 days and reminder settings it cannot follow', () => {
    const body = valid.localPolicingBodies[0]!;
    const problems = problemsOf({
      ...valid,
      localPolicingBodies: [{ ...body, chiefOfficerCommentsDay: 57, reminders: { 'response-due': { overdueEveryDays: 0 }, 'the-moon': {} } }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^localPolicingBodies\[0\]\.chiefOfficerCommentsDay: must be a day of the 56-day period/),
        expect.stringMatching(/^localPolicingBodies\[0\]\.reminders\.response-due\.overdueEveryDays: must be 1 or more days/),
        expect.stringMatching(/^localPolicingBodies\[0\]\.reminders/),
      ]),
    );
  });

  it('the repository’s own configuration file is valid', () => {
    expect(loadDeploymentConfiguration().localPolicingBodies.length).toBeGreaterThan(0);
  });

  it('a missing configuration file gets a message that says what to do', () => {
    expect(() => loadDeploymentConfiguration('/nonexistent/fiftysix.config.json')).toThrow(/cannot be read .*FIFTYSIX_CONFIG/);
  });
});

describe('handler environment', () => {
  it('round-trips through the variables the CDK app and the local stack set', () => {
    const configuration = parseDeploymentConfiguration(valid, 'test.json');
    const variables = handlerEnvironment({ tableName: 't', uploadsBucketName: 'b', configuration, maxDocumentBytes: 1024 });
    expect(readHandlerEnvironment(variables)).toEqual({ tableName: 't', uploadsBucketName: 'b', configuration, maxDocumentBytes: 1024 });
  });

  it('names the variables that are missing', () => {
    expect(() => readHandlerEnvironment({ LOCAL_POLICING_BODIES: '[]' })).toThrow(/TABLE_NAME[\s\S]*UPLOADS_BUCKET_NAME/);
  });
});
