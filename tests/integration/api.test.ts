import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledScanEvent } from '../../infra/local/local-stack';
import { addDays, formatLongDate, londonDateAt } from '../../shared/calendar-date';
import { ApiClient, startApi } from '../support/api-client';
import { forceReportText } from '../support/documents';
import { s3PutEvent, useIsolatedServices } from '../support/local-services';

/**
 * The office's API over real HTTP, on the local services: tokens from cognito-local, the handler as
 * API Gateway invokes it, its own table seeded with the test configuration's bodies and users.
 */
let services: Awaited<ReturnType<typeof useIsolatedServices>>;
let ingest: typeof import('../../functions/ingest/handler');
let scan: typeof import('../../functions/deadline-scan/handler');
let stopServer: () => Promise<void>;
let apiUrl: string;
let anonymous: ApiClient;
let cumbria: ApiClient;
let surrey: ApiClient;
let admin: ApiClient;

const today = londonDateAt(new Date());
// Published ten days ago: what the offices record today is after it, and its clock still runs.
const published = addDays(today, -10);
let cumbriaReport: string;
let nationalReport: string;

const NATIONAL = [
  'Vetting and misconduct: an inspection of how well forces protect the public',
  'An inspection of all police forces in England and Wales by His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).',
  '',
  'Recommendations',
  '',
  'Recommendation 1',
  'By March 2030, all forces should make sure they vet every officer again.',
  '',
  'Recommendation 2',
  'By June 2030, chief constables should review how they handle complaints.',
].join('\n');

async function ingestText(key: string, text: string, publishedOn: string, uploadedAt = new Date().toISOString()): Promise<string> {
  const [outcome] = await ingest.handler(await services.upload(key, text, publishedOn, uploadedAt));
  return outcome!.reportId;
}

beforeAll(async () => {
  services = await useIsolatedServices('api');
  ingest = await import('../../functions/ingest/handler');
  scan = await import('../../functions/deadline-scan/handler');
  ({ apiUrl, stop: stopServer } = await startApi());
  const password = services.stack.localPassword;
  anonymous = new ApiClient(apiUrl, null);
  [cumbria, surrey, admin] = (await Promise.all(
    ['officer@cumbria.test', 'officer@surrey.test', 'admin@fiftysix.test'].map((email) => ApiClient.signedIn(apiUrl, services.userPool, email, password)),
  )) as [ApiClient, ApiClient, ApiClient];
  cumbriaReport = await ingestText('uploads/cumbria.txt', forceReportText('Cumbria Constabulary', 'Crime scenes in Cumbria'), published);
  nationalReport = await ingestText('uploads/national.txt', NATIONAL, published);
});

afterAll(() => stopServer?.());

const progressPath = (reportId: string, bodyId: string) => `/reports/${reportId}/bodies/${bodyId}/progress`;

/** Every route with a request that would be valid from someone allowed to make it. */
const routes = () =>
  [
    ['GET', '/me'],
    ['GET', '/obligations'],
    ['GET', '/reports'],
    ['GET', `/reports/${cumbriaReport}`],
    ['POST', progressPath(cumbriaReport, 'cumbria'), { action: 'chief-officer-comments-received', on: today }],
    ['POST', `/reports/${cumbriaReport}/bodies/cumbria/corrections`, { type: 'archive', why: 'not-for-us', reason: 'test' }],
    ['POST', `/reports/${cumbriaReport}/corrections`, { type: 'title', title: 'A title', reason: 'test' }],
    ['GET', '/bodies'],
    ['POST', '/bodies', { id: 'kent', name: 'Kent PCC', force: 'Kent Police', recipients: ['k@kent.test'] }],
    ['PUT', '/bodies/cumbria', { name: 'Cumbria PFCC' }],
    ['POST', '/bodies/cumbria/calendar-link', {}],
    ['GET', '/bodies/cumbria/obligations.csv'],
    ['GET', '/users'],
    ['PUT', '/users/someone@cumbria.test', { bodyIds: ['cumbria'], admin: false }],
    ['POST', '/uploads', { fileName: 'report.pdf' }],
    ['GET', '/uploads/00000000-0000-0000-0000-000000000000'],
  ] as const;

describe('signing in', () => {
  it('answers 401 on every route without a valid token, saying how to sign in', async () => {
    // Well formed, but signed by nobody the pool knows.
    const forged = new ApiClient(
      apiUrl,
      `${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from('{"email":"officer@cumbria.test"}').toString('base64url')}.c2ln`,
    );
    for (const [method, path, body] of routes()) {
      for (const client of [anonymous, forged]) {
        const response = await client.request(method, path, body);
        expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 401 });
        expect(response.body.message).toMatch(/sign in/i);
      }
    }
    // Nothing was changed by any of them.
    expect((await services.reports.getReport(cumbriaReport))?.title).toBe('Crime scenes in Cumbria');
  });

  it('tells a signed-in user who they are, their bodies and their calendar links', async () => {
    const me = await cumbria.get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'officer@cumbria.test',
      admin: false,
      bodies: [{ id: 'cumbria', name: 'Cumbria PFCC', force: 'Cumbria Constabulary' }],
    });
    // The links are on the configured address: the local stack's, as APP_URL says.
    expect(me.body.bodies[0].calendarUrl).toMatch(new RegExp(`^${services.stack.apiUrl}/bodies/cumbria/calendar\\.ics\\?token=[\\w-]{32}$`));
    expect((await admin.get('/me')).body).toMatchObject({ admin: true, bodies: [{ id: 'cumbria' }, { id: 'surrey' }] });
  });
});

describe('what an office owes', () => {
  it('lists every obligation of the user’s bodies with the last day and days left, and nothing of another body’s', async () => {
    const listed = await cumbria.get('/obligations');
    expect(listed.status).toBe(200);
    expect(listed.body.map((row: { reportId: string; bodyId: string }) => [row.reportId, row.bodyId]).sort()).toEqual(
      [
        [cumbriaReport, 'cumbria'],
        [nationalReport, 'cumbria'],
      ].sort(),
    );
    expect(listed.body[0]).toMatchObject({
      publishedOn: published,
      responseDueOn: addDays(published, 55),
      daysLeft: 45,
      chiefOfficerCommentsDueOn: addDays(published, 27),
      state: 'open',
      missing: { chiefOfficerComments: true, unexplainedRecommendations: ['1', '2'], response: true },
    });
    const surreys = await surrey.get('/obligations');
    expect(surreys.body.map((row: { reportId: string; bodyId: string }) => [row.reportId, row.bodyId])).toEqual([[nationalReport, 'surrey']]);
    expect((await admin.get('/obligations')).body).toHaveLength(3);
  });

  it('answers 403 to a user of one body on every route that touches another body’s obligations, and changes nothing', async () => {
    const forbidden = [
      ['GET', `/reports/${cumbriaReport}`],
      ['GET', '/obligations?body=cumbria'],
      ['POST', progressPath(cumbriaReport, 'cumbria'), { action: 'chief-officer-comments-received', on: today }],
      ['POST', progressPath(nationalReport, 'cumbria'), { action: 'chief-officer-comments-received', on: today }],
      ['POST', `/reports/${nationalReport}/bodies/cumbria/corrections`, { type: 'archive', why: 'not-for-us', reason: 'test' }],
      ['POST', `/reports/${cumbriaReport}/corrections`, { type: 'title', title: 'Surrey’s title', reason: 'test' }],
      ['GET', '/bodies/cumbria/obligations.csv'],
    ] as const;
    for (const [method, path, body] of forbidden) {
      const response = await surrey.request(method, path, body);
      expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 403 });
      expect(response.body).toMatchObject({ error: 'forbidden', message: expect.any(String) });
    }
    // A national report is everyone's: only an administrator corrects it, so every body's dates change together.
    const national = await cumbria.post(`/reports/${nationalReport}/corrections`, { type: 'title', title: 'x', reason: 'test' });
    expect(national).toMatchObject({ status: 403, body: { message: expect.stringContaining('also owed a response by surrey') } });
    // The page is told before anyone tries, with the other bodies by name.
    expect((await cumbria.get(`/reports/${nationalReport}`)).body.correctionRefusal).toContain('also owed a response by Surrey');
    expect((await cumbria.get(`/reports/${cumbriaReport}`)).body.correctionRefusal).toBeNull();
    expect((await services.reports.getReport(cumbriaReport))?.title).toBe('Crime scenes in Cumbria');
    expect((await services.reports.getObligations(nationalReport)).every((obligation) => obligation.progress.chiefOfficerCommentsReceivedOn === null)).toBe(
      true,
    );
  });

  it('keeps administration to administrators', async () => {
    const adminOnly = routes().filter(
      ([method, path]) =>
        ['GET /reports', 'POST /bodies', 'PUT /bodies/cumbria', 'POST /bodies/cumbria/calendar-link', 'GET /users'].includes(`${method} ${path}`) ||
        path.startsWith('/users/'),
    );
    expect(adminOnly).toHaveLength(6);
    for (const [method, path, body] of adminOnly) {
      expect({ route: `${method} ${path}`, status: (await cumbria.request(method, path, body)).status }).toEqual({ route: `${method} ${path}`, status: 403 });
    }
  });

  it('shows a report as read, with its obligations, the reminders sent and its history', async () => {
    const view = await cumbria.get(`/reports/${nationalReport}`);
    expect(view.status).toBe(200);
    expect(view.body.report).toMatchObject({ id: nationalReport, kind: 'hmicfrs-report', title: NATIONAL.split('\n')[0], s55: { applies: true }, forces: [] });
    expect(
      view.body.report.recommendations.map((recommendation: { key: string; targetDate: string }) => [recommendation.key, recommendation.targetDate]),
    ).toEqual([
      ['1', '2030-03-31'],
      ['2', '2030-06-30'],
    ]);
    // Surrey's obligation on the same report is not Cumbria's to see.
    expect(view.body.obligations.map((obligation: { bodyId: string }) => obligation.bodyId)).toEqual(['cumbria']);
    expect(view.body.history).toEqual([
      expect.objectContaining({ action: 'report.read', actor: 'upload', after: expect.objectContaining({ owedBy: ['cumbria', 'surrey'] }) }),
    ]);
    expect((await cumbria.get('/reports/no-such-report')).status).toBe(404);
  });
});

describe('recording what was done', () => {
  it('stops the chief officer’s reminders once the comments are recorded, names who recorded them, and brings them back on undo', async () => {
    const commentsDue = addDays(published, 27);
    const scanBefore = async (days: number) => {
      const result = await scan.handler(scheduledScanEvent(new Date(`${addDays(commentsDue, -days)}T12:00:00Z`)));
      return result.sent.filter((reminder) => reminder.reportId === cumbriaReport).map((reminder) => `${reminder.dateKind} ${reminder.stage}`);
    };
    const recorded = await cumbria.post(progressPath(cumbriaReport, 'cumbria'), { action: 'chief-officer-comments-received', on: today });
    expect(recorded.status).toBe(200);
    expect(recorded.body.progress.chiefOfficerCommentsReceivedOn).toBe(today);
    expect(await scanBefore(7)).toEqual([]);

    const history = (await cumbria.get(`/reports/${cumbriaReport}`)).body.history;
    expect(history.at(-1)).toMatchObject({
      action: 'progress.recorded',
      actor: 'officer@cumbria.test',
      bodyId: 'cumbria',
      after: { chiefOfficerCommentsReceivedOn: today },
    });
    expect(Date.parse(history.at(-1).at)).toBeGreaterThan(Date.now() - 60_000);

    const undone = await cumbria.post(progressPath(cumbriaReport, 'cumbria'), { action: 'undo', what: 'chief-officer-comments-received' });
    expect(undone.body.progress.chiefOfficerCommentsReceivedOn).toBeNull();
    // A week before, on the date's own weekday: the day before a Saturday or Sunday date is the Friday the
    // "due today" reminder goes out too, which the scan sends in its place.
    expect(await scanBefore(7)).toEqual(['chief-officer-comments due-in-7-days']);
    expect((await cumbria.get(`/reports/${cumbriaReport}`)).body.reminders).toEqual([
      expect.objectContaining({ bodyId: 'cumbria', dateKind: 'chief-officer-comments', stage: 'due-in-7-days', status: 'sent' }),
    ]);
  });

  it('explains a recommendation with a note, publishes the response with its link, and checks dates against the report', async () => {
    const explained = await cumbria.post(progressPath(cumbriaReport, 'cumbria'), {
      action: 'recommendation-explained',
      recommendation: '1',
      note: 'Crime scene training from April',
    });
    expect(explained.body.progress).toMatchObject({ explainedRecommendations: ['1'], recommendationNotes: { 1: 'Crime scene training from April' } });
    const tooEarly = await cumbria.post(progressPath(cumbriaReport, 'cumbria'), { action: 'response-published', on: addDays(published, -1) });
    expect(tooEarly).toMatchObject({ status: 422, body: { error: 'refused', message: expect.stringContaining('before the report was published') } });
    const malformed = await cumbria.post(progressPath(cumbriaReport, 'cumbria'), { action: 'response-published', on: 'yesterday' });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'bad-request', message: expect.stringContaining('on: must be a date written YYYY-MM-DD') } });
    const unknown = await cumbria.post(progressPath(cumbriaReport, 'cumbria'), { action: 'recommendation-explained', recommendation: '9' });
    expect(unknown).toMatchObject({ status: 422, body: { message: expect.stringContaining('its recommendations are: 1, 2') } });
  });
});

describe('corrections', () => {
  it('lets the only office a report concerns correct it with a reason, and follows every date', async () => {
    const noReason = await cumbria.post(`/reports/${cumbriaReport}/corrections`, { type: 'title', title: 'Crime scene management in Cumbria', reason: ' ' });
    expect(noReason.status).toBe(400);
    const titled = await cumbria.post(`/reports/${cumbriaReport}/corrections`, {
      type: 'title',
      title: 'Crime scene management in Cumbria',
      reason: 'The PDF’s cover title',
    });
    expect(titled.status).toBe(200);
    expect(titled.body.report.title).toBe('Crime scene management in Cumbria');
    const future = await cumbria.post(`/reports/${cumbriaReport}/corrections`, { type: 'publication-date', publishedOn: addDays(today, 29), reason: 'typo' });
    expect(future).toMatchObject({ status: 422, body: { error: 'refused', message: expect.stringContaining('more than 28 days after today') } });
    const dated = await cumbria.post(`/reports/${cumbriaReport}/corrections`, {
      type: 'publication-date',
      publishedOn: addDays(published, -1),
      reason: 'HMICFRS page',
    });
    expect(dated.body.obligations[0].dates.responseDueOn).toBe(addDays(published, 54));
    expect(dated.body.history.at(-1)).toMatchObject({
      action: 'report.corrected',
      actor: 'officer@cumbria.test',
      reason: 'publication-date: HMICFRS page',
      before: { publishedOn: published },
      after: { publishedOn: addDays(published, -1) },
    });
  });

  it('lets an administrator decide there is no s55 duty, closing every obligation, and restore it', async () => {
    const decided = await admin.post(`/reports/${nationalReport}/corrections`, { type: 's55', applies: false, reason: 'A fire and rescue report' });
    expect(decided.body.report).toMatchObject({ status: 'no-duty', s55: { applies: false, decidedBy: 'admin@fiftysix.test' } });
    expect(decided.body.obligations.map((obligation: { summary: { state: string } }) => obligation.summary.state)).toEqual(['no-duty', 'no-duty']);
    const restored = await admin.post(`/reports/${nationalReport}/corrections`, { type: 's55', applies: true, reason: 'It is a police inspection after all' });
    expect(restored.body.obligations.map((obligation: { summary: { state: string } }) => obligation.summary.state)).toEqual(['open', 'open']);
  });

  it('archives a body’s obligation with its reason and restores it', async () => {
    const archived = await surrey.post(`/reports/${nationalReport}/bodies/surrey/corrections`, {
      type: 'archive',
      why: 'answered-before-fiftysix',
      reason: 'Published in October',
    });
    expect(archived.body).toMatchObject({
      closure: { kind: 'archived', reason: 'Answered before FiftySix was used', by: 'officer@surrey.test' },
      nextReminderOn: null,
    });
    expect((await surrey.get('/obligations')).body[0].state).toBe('archived');
    const restored = await surrey.post(`/reports/${nationalReport}/bodies/surrey/corrections`, { type: 'restore', reason: 'Archived by mistake' });
    expect(restored.body.closure).toBeNull();
    expect(restored.body.nextReminderOn).not.toBeNull();
  });
});

describe('the calendar feed, the spreadsheet and uploads', () => {
  it('serves each last day as an iCalendar feed through a secret link an administrator can renew', async () => {
    // The link names the local stack's configured address; this file's API server answers for this file's table.
    const here = (url: string) => url.replace(services.stack.apiUrl, apiUrl);
    const calendarUrl = here((await cumbria.get('/me')).body.bodies[0].calendarUrl);
    const feed = await fetch(calendarUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = parseICalendar(await feed.text());
    const lastDays = events.filter((event) => event.SUMMARY?.startsWith('Last day')).map((event) => event['DTSTART;VALUE=DATE']);
    expect(lastDays.sort()).toEqual([addDays(published, 54), addDays(published, 55)].map((date) => date.replace(/-/g, '')).sort());
    expect((await fetch(calendarUrl.replace(/token=.*/, 'token=guess'))).status).toBe(403);
    const renewed = here((await admin.post('/bodies/cumbria/calendar-link', {})).body.calendarUrl);
    expect(renewed).not.toBe(calendarUrl);
    expect((await fetch(calendarUrl)).status).toBe(403);
    expect((await fetch(renewed)).status).toBe(200);
  });

  it('downloads the tracker as a CSV that opens in Excel with the report and each recommendation', async () => {
    const csv = await cumbria.get('/bodies/cumbria/obligations.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="fiftysix-cumbria-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.text.startsWith('\uFEFF"Report"')).toBe(true);
    expect(csv.text).toContain('"Crime scene management in Cumbria"');
    expect(csv.text).toContain('"By March 2025, the force should make sure its crime scene management follows authorised professional practice."');
    expect(csv.text).toContain('"By March 2030, all forces should make sure they vet every officer again."');
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(5);
  });

  it('gives the page a presigned link to upload a report, then says what it was read as and who uploaded it', async () => {
    expect(await cumbria.post('/uploads', { fileName: 'early.txt', publishedOn: addDays(today, 29) })).toMatchObject({
      status: 422,
      body: { message: expect.stringContaining('more than 28 days after today') },
    });
    const link = await cumbria.post('/uploads', { fileName: '../Custody in Cumbria.txt', publishedOn: published });
    expect(link.status).toBe(201);
    expect(link.body.key).toMatch(/^uploads\/web\/[0-9a-f-]{36}\/Custody in Cumbria\.txt$/);
    expect((await cumbria.get(`/uploads/${link.body.uploadId}`)).body).toMatchObject({ state: 'waiting' });
    const text = forceReportText('Cumbria Constabulary', 'Custody in Cumbria');
    const put = await fetch(link.body.url, { method: 'PUT', headers: link.body.headers, body: text });
    expect(put.status).toBe(200);
    // Who uploaded it and the date are signed headers: S3 refuses the link without them, so an uploader cannot pass for someone else.
    expect(new URL(link.body.url).searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-amz-meta-published-on;x-amz-meta-uploaded-by');
    // A checksum of an empty body in the link would make S3 refuse the browser's real file.
    expect([...new URL(link.body.url).searchParams.keys()].filter((name) => name.toLowerCase().includes('checksum'))).toEqual([]);
    expect(link.body.headers).toEqual({ 'x-amz-meta-uploaded-by': 'officer@cumbria.test', 'x-amz-meta-published-on': published });
    const head = await services.uploadRecord(link.body.key);
    expect(head).toBeNull();
    await ingest.handler(s3PutEvent(services.bucket, link.body.key, (await services.eTagOf(link.body.key))!, text.length));
    const status = await cumbria.get(`/uploads/${link.body.uploadId}`);
    expect(status.body).toMatchObject({
      state: 'read',
      report: { status: 'ingested', title: 'Custody in Cumbria', publishedOn: published },
      owedByYou: true,
      mayOpen: true,
    });
    const history = (await cumbria.get(`/reports/${status.body.report.id}`)).body.history;
    expect(history[0]).toMatchObject({ action: 'report.read', actor: 'officer@cumbria.test' });
    expect((await surrey.get(`/uploads/${link.body.uploadId}`)).status).toBe(403);

    // The national report again, with another date: a correction Cumbria may not make alone, refused, and the upload says so.
    const again = await cumbria.post('/uploads', { fileName: 'national again.txt', publishedOn: addDays(published, -2) });
    await fetch(again.body.url, { method: 'PUT', headers: again.body.headers, body: NATIONAL });
    await ingest.handler(s3PutEvent(services.bucket, again.body.key, (await services.eTagOf(again.body.key))!, NATIONAL.length));
    expect((await cumbria.get(`/uploads/${again.body.uploadId}`)).body).toMatchObject({
      state: 'failed',
      report: { id: nationalReport, failure: { code: 'invalid-correction', message: expect.stringContaining('also owed a response by') } },
    });
  });
});

describe('bodies and users as data', () => {
  it('lets an administrator add a body, which owes the national report at once, and retire it, closing its obligations', async () => {
    const added = await admin.post('/bodies', { id: 'kent', name: 'Kent PCC', force: 'Kent Police', recipients: ['office@kent.test'] });
    expect(added.status).toBe(201);
    const kent = await admin.get('/obligations?body=kent');
    expect(kent.body.map((row: { reportId: string }) => row.reportId)).toEqual([nationalReport]);
    const clash = await admin.post('/bodies', { id: 'kent', name: 'Kent PCC', force: 'Kent Police', recipients: ['office@kent.test'] });
    expect(clash.status).toBe(409);
    const invalid = await admin.post('/bodies', { id: 'Gotham!', name: 'Gotham', force: 'Gotham City Police', recipients: [] });
    expect(invalid).toMatchObject({ status: 422, body: { message: expect.stringContaining('id: must be a short id of lower-case letters') } });
    const noForce = await admin.post('/bodies', { id: 'gotham', name: 'Gotham', force: 'Gotham City Police', recipients: ['a@gotham.test'] });
    expect(noForce).toMatchObject({ status: 422, body: { message: expect.stringContaining('"Gotham City Police" is not one of the 43 territorial forces') } });

    const retired = await admin.put('/bodies/kent', { retire: true, reason: 'Served by another deployment' });
    expect(retired.body.retired).toMatchObject({ reason: 'Served by another deployment' });
    const [obligation] = (await services.reports.getObligations(nationalReport)).filter((each) => each.bodyId === 'kent');
    expect(obligation).toMatchObject({ closure: { kind: 'retired', reason: 'The body was retired: Served by another deployment' }, nextReminderOn: null });
    const history = (await admin.get(`/reports/${nationalReport}`)).body.history.map((event: { action: string; actor: string }) => [event.action, event.actor]);
    const followed = (await admin.get(`/reports/${nationalReport}`)).body.history.filter(
      (event: { reason: string }) => event.reason === 'Follows a change to the local policing bodies',
    );
    expect(followed.map((event: { after: unknown }) => event.after)).toEqual([
      { created: ['kent'], closed: [], reopened: [] },
      { created: [], closed: ['kent'], reopened: [] },
    ]);
    expect(history.filter(([action]: [string]) => action === 'report.obligations-changed').slice(-2)).toEqual([
      ['report.obligations-changed', 'admin@fiftysix.test'],
      ['report.obligations-changed', 'admin@fiftysix.test'],
    ]);
  });

  it('lets an administrator add a user, who can then sign in and act for their body only', async () => {
    const saved = await admin.put('/users/deputy@cumbria.test', { bodyIds: ['cumbria'], admin: false });
    expect(saved.body).toMatchObject({ email: 'deputy@cumbria.test', bodyIds: ['cumbria'], admin: false, removed: null });
    const deputy = await ApiClient.signedIn(apiUrl, services.userPool, 'deputy@cumbria.test', services.stack.localPassword);
    expect((await deputy.get('/obligations')).body.every((row: { bodyId: string }) => row.bodyId === 'cumbria')).toBe(true);
    await admin.put('/users/deputy@cumbria.test', { bodyIds: ['cumbria'], admin: false, removed: true });
    // The token they hold still verifies, but FiftySix no longer lets them in.
    expect((await deputy.get('/obligations')).status).toBe(403);
    expect((await admin.put('/users/x@cumbria.test', { bodyIds: ['gotham'], admin: false })).status).toBe(422);
  });
});

describe('history that does not nag', () => {
  it('stores a report whose last day passed long before it was read as historical, and sends no reminder for it', async () => {
    const old = await ingestText('uploads/2019.txt', forceReportText('Cumbria Constabulary', 'Custody in Cumbria, 2019'), '2019-05-02');
    const [obligation] = await services.reports.getObligations(old);
    expect(obligation).toMatchObject({ historical: true, nextReminderOn: null });
    const row = (await cumbria.get('/obligations')).body.find((each: { reportId: string }) => each.reportId === old);
    expect(row).toMatchObject({ state: 'overdue', historical: true, nextReminderOn: null });
    const sent = (await scan.handler(scheduledScanEvent(new Date()))).sent.filter((reminder) => reminder.reportId === old);
    expect(sent).toEqual([]);
  });
});

describe('the page’s sign-in, through the API', () => {
  const cookiesFrom = (response: Response) => response.headers.getSetCookie();
  const asCookieHeader = (cookies: string[]) => cookies.map((each) => each.split(';')[0]).join('; ');
  const post = (path: string, body: unknown, cookies: string[] = []) =>
    fetch(`${apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: asCookieHeader(cookies) }, body: JSON.stringify(body) });

  it('signs in with email and password into HttpOnly cookies, which then authenticate every route, and signs out', async () => {
    const wrong = await post('/session', { email: 'officer@cumbria.test', password: 'not it' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ message: 'The email address or password is not right' });

    const signedIn = await post('/session', { email: 'Officer@Cumbria.test', password: services.stack.localPassword });
    expect(signedIn.status).toBe(200);
    const cookies = cookiesFrom(signedIn);
    expect(cookies).toEqual([
      expect.stringMatching(/^fiftysix_session=[\w-]+\.[\w-]+\.[\w-]+; Path=\/api; Max-Age=\d+; HttpOnly; SameSite=Strict$/),
      expect.stringMatching(/^fiftysix_refresh=.+; Path=\/api\/session; Max-Age=2592000; HttpOnly; SameSite=Strict$/),
    ]);
    const me = await fetch(`${apiUrl}/me`, { headers: { cookie: asCookieHeader(cookies) } });
    expect(await me.json()).toMatchObject({ email: 'officer@cumbria.test' });

    const refreshed = await post('/session/refresh', {}, cookies);
    expect(cookiesFrom(refreshed)[0]).toMatch(/^fiftysix_session=[\w-]+\./);
    const signedOut = await post('/session/sign-out', {}, cookies);
    expect(cookiesFrom(signedOut).every((each) => each.includes('Max-Age=0'))).toBe(true);
    // The refresh token was revoked with the session: a copy of the cookie makes no new one.
    expect((await post('/session/refresh', {}, cookies)).status).toBe(401);
  });

  it('asks a user invited with a temporary password to choose their own, then signs them in', async () => {
    const email = 'invited@cumbria.test';
    const cognito = new CognitoIdentityProviderClient({});
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: services.stack.userPool.userPoolId,
        Username: email,
        TemporaryPassword: 'Temporary-1-password',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    await services.directory.saveUser(null, { email, bodyIds: ['cumbria'], admin: false, removed: null, seededFrom: null }, []);
    const first = await post('/session', { email, password: 'Temporary-1-password' });
    expect(await first.json()).toEqual({ newPasswordRequired: true });
    const challenge = cookiesFrom(first);
    expect(challenge).toEqual([expect.stringMatching(/^fiftysix_challenge=.+; Path=\/api\/session; Max-Age=180; HttpOnly; SameSite=Strict$/)]);
    expect((await post('/session/new-password', { email, newPassword: 'Chosen-by-me-2' })).status).toBe(401);
    const chosen = await post('/session/new-password', { email, newPassword: 'Chosen-by-me-2' }, challenge);
    expect(chosen.status).toBe(200);
    expect(cookiesFrom(chosen)[0]).toMatch(/^fiftysix_session=/);
    expect((await post('/session', { email, password: 'Chosen-by-me-2' })).status).toBe(200);
  });

  it('resets a forgotten password with the code Cognito emails, which locally arrives in the inbox', async () => {
    const email = 'officer@surrey.test';
    await services.clearOutbox();
    expect((await post('/session/forgotten-password', { email })).status).toBe(202);
    expect((await post('/session/forgotten-password', { email: 'nobody@nowhere.test' })).status).toBe(202);
    await expect.poll(async () => (await services.outbox()).filter((mail) => mail.to.includes(email)).length, { timeout: 10_000 }).toBe(1);
    const [mail] = (await services.outbox()).filter((each) => each.to.includes(email));
    const code = /verification code is (\d+)/.exec(mail!.text)?.[1];
    expect(code).toMatch(/^\d+$/);
    expect((await post('/session/reset-password', { email, code: '000000', newPassword: 'Another-one-3' })).status).toBe(422);
    expect((await post('/session/reset-password', { email, code, newPassword: 'Another-one-3' })).status).toBe(200);
    expect((await post('/session', { email, password: 'Another-one-3' })).status).toBe(200);
    // Put back, for the other tests that sign in as Surrey.
    await services.userPool.ensureUser(email, false);
    await new CognitoIdentityProviderClient({}).send(
      new AdminSetUserPasswordCommand({
        UserPoolId: services.stack.userPool.userPoolId,
        Username: email,
        Password: services.stack.localPassword,
        Permanent: true,
      }),
    );
  });
});

describe('the draft response', () => {
  it('is a Word document with the report, its dates, the chief officer’s section and each recommendation with the notes recorded', async () => {
    const response = await cumbria.get(`/reports/${cumbriaReport}/bodies/cumbria/draft-response.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain('filename="Response to Crime scene management in Cumbria.docx"');
    const bytes = Buffer.from(
      await (
        await fetch(`${apiUrl}/reports/${cumbriaReport}/bodies/cumbria/draft-response.docx`, {
          headers: { authorization: `Bearer ${await tokenOf('officer@cumbria.test')}` },
        })
      ).arrayBuffer(),
    );
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain('Cumbria PFCC: response to Crime scene management in Cumbria');
    expect(text).toContain(`Last day to publish this response: ${formatLongDate(addDays(published, 54))}`);
    expect(text).toContain('The chief officer’s comments');
    expect(text).toContain('Recommendation 1');
    expect(text).toContain('By March 2025, the force should make sure its crime scene management follows authorised professional practice.');
    expect(text).toContain('Crime scene training from April');
    expect(text).toContain('Recommendation 2');
    expect(text).toContain('[To be written]');
    expect((await surrey.get(`/reports/${cumbriaReport}/bodies/cumbria/draft-response.docx`)).status).toBe(403);
  });
});

async function tokenOf(email: string): Promise<string> {
  const signedIn = await services.userPool.signIn(email, services.stack.localPassword);
  if (signedIn.outcome !== 'signed-in') throw new Error('no token');
  return signedIn.tokens.idToken;
}

/** The events of an iCalendar text, each as its properties, after checking every line is a well-formed content line (RFC 5545). */
function parseICalendar(text: string): Array<Record<string, string>> {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    expect(line).toMatch(/^[A-Z-]+(;[A-Z-]+=[^:;]+)*:.*$/);
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[name] = value;
  }
  return events;
}
