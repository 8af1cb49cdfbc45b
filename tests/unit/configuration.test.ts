import { describe, expect, it } from 'vitest';
import { handlerEnvironment, readHandlerEnvironment } from '../../functions/commons/environment';
import { discoveryEnvironment, readDiscoveryEnvironment } from '../../functions/discovery/discovery-environment';
import { loadDeploymentConfiguration } from '../../infra/configuration-file';
import {
  ConfigurationError,
  chiefOfficerCommentsDayFor,
  isInspectorateDocument,
  isInspectorateSource,
  MAX_SERVED_BODIES,
  parseDeploymentConfiguration,
  parseLocalPolicingBody,
  reminderSettingsFor,
} from '../../shared/configuration';
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

  it('refuses more bodies than one deployment can store a national report for', () => {
    const body = valid.localPolicingBodies[0]!;
    const bodies = Array.from({ length: MAX_SERVED_BODIES + 1 }, (_, index) => ({ ...body, id: `body-${index}` }));
    expect(problemsOf({ ...valid, localPolicingBodies: bodies })).toEqual([expect.stringContaining(`lists more than ${MAX_SERVED_BODIES} bodies`)]);
    expect(parseDeploymentConfiguration({ ...valid, localPolicingBodies: bodies.slice(1) }, 'test.json').localPolicingBodies).toHaveLength(MAX_SERVED_BODIES);
  });

  it('refuses an unknown force and a repeated id', () => {
    const body = valid.localPolicingBodies[0]!;
    const problems = problemsOf({ ...valid, localPolicingBodies: [body, { ...body, force: 'Gotham City Police' }] });
    expect(problems).toEqual([
      expect.stringContaining('"cumbria" is used twice'),
      expect.stringContaining('"Gotham City Police" is not one of the 43 territorial forces'),
    ]);
  });

  it('reads the users, each acting for bodies the file lists or administering, and refuses the rest', () => {
    const configuration = parseDeploymentConfiguration(
      {
        ...valid,
        appUrl: 'https://fiftysix.example.org/',
        users: [
          { email: 'Officer@Example.org', bodyIds: ['cumbria'] },
          { email: 'admin@example.org', bodyIds: [], admin: true },
        ],
      },
      'test.json',
    );
    expect(configuration.appUrl).toBe('https://fiftysix.example.org');
    expect(configuration.users).toEqual([
      { email: 'officer@example.org', bodyIds: ['cumbria'], admin: false },
      { email: 'admin@example.org', bodyIds: [], admin: true },
    ]);
    expect(
      problemsOf({
        ...valid,
        users: [
          { email: 'a@example.org', bodyIds: ['gotham'] },
          { email: 'b@example.org', bodyIds: [] },
          { email: 'A@example.org', bodyIds: ['cumbria'] },
        ],
      }),
    ).toEqual([
      'users[0].bodyIds: "gotham" is not the id of a body in localPolicingBodies',
      'users[1]: must name the bodies they act for in bodyIds, or be an administrator ("admin": true)',
      'users[2].email: "A@example.org" is listed twice',
    ]);
  });

  it('reads one body as an administrator sends it, naming its force canonically', () => {
    expect(parseLocalPolicingBody({ id: 'kent', name: 'Kent PCC', force: 'Kent Constabulary', recipients: ['k@example.org'] }, 'The body')).toMatchObject({
      force: 'Kent Police',
    });
    expect(() => parseLocalPolicingBody({ id: 'Kent!', name: 'Kent PCC', force: 'Gotham', recipients: [] }, 'The body')).toThrow(
      /id: must be a short id[\s\S]*recipients: must list/,
    );
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

  it('reads who to tell when an alarm goes off, once each, and says how to write them', () => {
    expect(parseDeploymentConfiguration(valid, 'test.json').operators).toEqual([]);
    expect(parseDeploymentConfiguration({ ...valid, operators: ['ops@example.org', 'OPS@example.org', 'duty@example.org'] }, 'test.json').operators).toEqual([
      'ops@example.org',
      'duty@example.org',
    ]);
    expect(problemsOf({ ...valid, operators: 'ops@example.org' })).toEqual([expect.stringMatching(/^operators: must be a list of the email addresses/)]);
    expect(problemsOf({ ...valid, operators: ['ops at example.org'] })).toEqual([
      expect.stringMatching(/^operators\[0\]: must be the email address of someone/),
    ]);
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
    const environment = {
      tableName: 't',
      uploadsBucketName: 'b',
      senderAddress: 'reminders@example.org',
      maxDocumentBytes: 1024,
      appUrl: 'https://fiftysix.example.org',
      userPool: { userPoolId: 'eu-west-2_abc', clientId: 'client', fixedPassword: null },
      sesConfigurationSet: 'fiftysix-reminders',
    };
    expect(readHandlerEnvironment(handlerEnvironment(environment))).toEqual(environment);
    const bare = { ...environment, appUrl: null, userPool: null, sesConfigurationSet: null };
    expect(readHandlerEnvironment(handlerEnvironment(bare))).toEqual(bare);
  });

  it('names the variables that are missing or wrong', () => {
    expect(() => readHandlerEnvironment({ SENDER_ADDRESS: 'nobody' })).toThrow(
      /TABLE_NAME[\s\S]*UPLOADS_BUCKET_NAME[\s\S]*SENDER_ADDRESS: must be the email address/,
    );
    expect(() => readHandlerEnvironment({ TABLE_NAME: 't', UPLOADS_BUCKET_NAME: 'b', SENDER_ADDRESS: 'a@example.org', USER_POOL_ID: 'p' })).toThrow(
      /USER_POOL_ID and USER_POOL_CLIENT_ID: give both, or neither/,
    );
  });
});

describe('discovery configuration', () => {
  it('is optional, and read as written when given', () => {
    expect(parseDeploymentConfiguration(valid, 'test.json').discovery).toBeUndefined();
    const discovery = { sources: [{ kind: 'feed', url: 'http://127.0.0.1:8080/feed/' }], contact: 'ops@example.org' };
    expect(parseDeploymentConfiguration({ ...valid, discovery }, 'test.json').discovery).toEqual(discovery);
  });

  it('names a source of an unknown kind, an address that is not http(s), and a missing contact', () => {
    const problems = problemsOf({ ...valid, discovery: { sources: [{ kind: 'sitemap', url: 'ftp://example.org/' }] } });
    expect(problems).toEqual([
      expect.stringMatching(/^discovery\.sources\[0\]\.kind: must be "feed" .* or "listing"/),
      expect.stringMatching(/^discovery\.sources\[0\]\.url: must be the http\(s\) address/),
      expect.stringMatching(/^discovery\.contact: /),
    ]);
  });
});

describe('a discovery source that is the inspectorate’s own site', () => {
  it('is known by its address, or as configured either way', () => {
    expect(isInspectorateSource({ kind: 'feed', url: 'https://hmicfrs.justiceinspectorates.gov.uk/feed/' })).toBe(true);
    expect(isInspectorateSource({ kind: 'feed', url: 'https://www.justiceinspectorates.gov.uk/hmicfrs/feed/' })).toBe(true);
    // The inspectorates share the domain; and an address that only looks like it is not it.
    expect(isInspectorateSource({ kind: 'listing', url: 'https://www.justiceinspectorates.gov.uk/hmiprisons/inspections/' })).toBe(false);
    expect(isInspectorateSource({ kind: 'feed', url: 'https://hmicfrs.justiceinspectorates.gov.uk.evil.example/feed/' })).toBe(false);
    expect(isInspectorateSource({ kind: 'feed', url: 'https://evilhmicfrs.justiceinspectorates.gov.uk/feed/' })).toBe(false);
    expect(isInspectorateSource({ kind: 'listing', url: 'https://www.cumbria-pcc.gov.uk/reports/' })).toBe(false);
    expect(isInspectorateSource({ kind: 'listing', url: 'http://127.0.0.1:8080/reports/', inspectorate: true })).toBe(true);
    expect(isInspectorateSource({ kind: 'feed', url: 'https://hmicfrs.justiceinspectorates.gov.uk/feed/', inspectorate: false })).toBe(false);
  });

  it('counts a document as the inspectorate’s only at the inspectorate’s address, or at a marked source’s own host', () => {
    const feed = { kind: 'feed' as const, url: 'https://hmicfrs.justiceinspectorates.gov.uk/feed/' };
    expect(isInspectorateDocument(feed, 'https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2023/')).toBe(true);
    expect(isInspectorateDocument(feed, 'https://www.surrey-pcc.gov.uk/response-to-peel.pdf')).toBe(false);
    const local = { kind: 'listing' as const, url: 'http://127.0.0.1:8080/reports/', inspectorate: true };
    expect(isInspectorateDocument(local, 'http://127.0.0.1:8080/wp-content/report.pdf')).toBe(true);
    expect(isInspectorateDocument(local, 'https://www.gov.uk/report.pdf')).toBe(false);
    expect(isInspectorateDocument({ ...local, inspectorate: false }, 'http://127.0.0.1:8080/wp-content/report.pdf')).toBe(false);
  });

  it('says what to write when the setting is not true or false', () => {
    const discovery = { sources: [{ kind: 'feed', url: 'https://example.org/feed/', inspectorate: 'yes' }], contact: 'ops@example.org' };
    expect(problemsOf({ ...valid, discovery })).toEqual([expect.stringMatching(/^discovery\.sources\[0\]\.inspectorate: must be true when/)]);
  });
});

describe('the discovery function’s environment', () => {
  it('carries the configuration’s discovery section and reads it back, refusing one that is missing or wrong', () => {
    const discovery = { sources: [{ kind: 'listing' as const, url: 'https://example.org/reports/' }], contact: 'https://example.org/contact' };
    expect(readDiscoveryEnvironment(discoveryEnvironment(discovery))).toEqual(discovery);
    const marked = { ...discovery, sources: [{ ...discovery.sources[0]!, inspectorate: false }] };
    expect(readDiscoveryEnvironment(discoveryEnvironment(marked))).toEqual(marked);
    expect(() => readDiscoveryEnvironment({})).toThrow(/DISCOVERY_CONFIGURATION: must hold/);
    expect(() => readDiscoveryEnvironment({ DISCOVERY_CONFIGURATION: '{' })).toThrow(/is not JSON/);
    expect(() => readDiscoveryEnvironment({ DISCOVERY_CONFIGURATION: '{"sources":[]}' })).toThrow(/contact/);
  });
});
