import { Router } from '@aws-lambda-powertools/event-handler/http';
import type { RequestContext } from '@aws-lambda-powertools/event-handler/types';
import { assertAdmin, ForbiddenError, type Viewer } from '../../shared/access';
import { londonDateAt } from '../../shared/calendar-date';
import { ConfigurationError } from '../../shared/configuration';
import { CorrectionRefusedError } from '../../shared/corrections';
import { ProgressRefusedError } from '../../shared/progress';
import { ResponseNotLinkedError } from '../../shared/responses';
import { DirectoryConflictError, type DirectoryTable } from '../commons/directory-table';
import { addBody, changeBody, DirectoryChangeRefusedError, renewCalendarLink, saveUser } from '../commons/directory-updates';
import { logger } from '../commons/logger';
import { bodyCalendar, bodyDraftResponse, bodySpreadsheet, CalendarLinkError, describeViewer, listObligations, viewReport } from '../commons/office-views';
import { correctObligationAs, correctReportAs, ObligationNotFoundError, recordProgress } from '../commons/report-changes';
import { linkResponseAs, settleDuplicate } from '../commons/report-sources';
import { ConcurrentChangeError, ReportNotFoundError, type ReportsTable, ReportTooLargeError } from '../commons/reports-table';
import { requestUpload, UploadRequestRefusedError, uploadStatus } from '../commons/upload-requests';
import type { UploadsBucket } from '../commons/uploads-bucket';
import type { UserPool } from '../commons/user-pool';
import { type ApiEnv, NotSignedInError, type TokenVerifier, tokenOf, UnknownUserError, viewerOf } from './authentication';
import {
  bodyChangeRequest,
  calendarQuery,
  duplicateDecisionRequest,
  obligationCorrectionRequest,
  obligationsQuery,
  progressRequest,
  reportCorrectionRequest,
  responseLinkRequest,
  uploadRequest,
  userRequest,
} from './requests';
import { SESSION_ROUTES, SignInRefusedError, sessionRoutes } from './session';

export interface ApiDependencies {
  reports: ReportsTable;
  directory: DirectoryTable;
  userPool: UserPool;
  uploads: UploadsBucket;
  uploadsBucketName: string;
  tokens: TokenVerifier;
  now: () => Date;
  /** Where the office's page is, when the configuration says; else the address the request came to. */
  appUrl: string | null;
}

/** Routes anyone may call: signing in, and the calendar feed (a calendar client cannot sign in, so its link carries its own secret). */
const PUBLIC_ROUTES = new Set(['GET /api/bodies/:bodyId/calendar.ics', ...SESSION_ROUTES]);

/** Errors a person can act on, each with its status and the word the page and scripts switch on. */
const KNOWN_ERRORS: Array<[new (...args: never[]) => Error, number, string]> = [
  [NotSignedInError, 401, 'not-signed-in'],
  [UnknownUserError, 403, 'unknown-user'],
  [ForbiddenError, 403, 'forbidden'],
  [CalendarLinkError, 403, 'invalid-calendar-link'],
  [ReportNotFoundError, 404, 'not-found'],
  [ObligationNotFoundError, 404, 'not-found'],
  [ConcurrentChangeError, 409, 'changed-meanwhile'],
  [DirectoryConflictError, 409, 'conflict'],
  [ProgressRefusedError, 422, 'refused'],
  [CorrectionRefusedError, 422, 'refused'],
  [DirectoryChangeRefusedError, 422, 'refused'],
  [UploadRequestRefusedError, 422, 'refused'],
  [ConfigurationError, 422, 'invalid'],
  [ResponseNotLinkedError, 422, 'refused'],
  [ReportTooLargeError, 422, 'too-large'],
];

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });
}

function problem(status: number, error: string, message: string, details?: unknown): Response {
  return json(status, { error, message, ...(details ? { details } : {}) });
}

/** The address of the office's page: the configured one, else the origin the request came to (CloudFront's, or the API's). */
function appUrlOf(dependencies: ApiDependencies, request: Request): string {
  if (dependencies.appUrl) return dependencies.appUrl;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
  const protocol = request.headers.get('x-forwarded-proto') ?? 'https';
  return `${protocol}://${host}`;
}

function viewsFor(dependencies: ApiDependencies, request: Request) {
  const appUrl = appUrlOf(dependencies, request);
  return { ...dependencies, appUrl, apiUrl: `${appUrl}/api` };
}

const param = (value: string | undefined) => decodeURIComponent(value ?? '');

/**
 * A file to download, sent as bytes: the router base64-encodes binary answers for API Gateway, which
 * keeps them exactly as made (a text answer would lose the byte-order mark Excel needs).
 */
function download(reqCtx: RequestContext<ApiEnv>, content: string | Uint8Array, headers: Record<string, string>): ArrayBuffer {
  for (const [name, value] of Object.entries({ 'cache-control': 'no-store', ...headers })) reqCtx.res.headers.set(name, value);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The office's API: every way a person sees or changes what FiftySix holds. Each route checks its
 * input, calls one use case, and turns the domain's errors into answers a person can act on.
 */
export function apiRoutes(dependencies: ApiDependencies): Router<ApiEnv> {
  const app = new Router<ApiEnv>({ logger });

  app.use(async ({ reqCtx, next }) => {
    if (!PUBLIC_ROUTES.has(reqCtx.route ?? '')) {
      const cookies = 'cookies' in reqCtx.event ? (reqCtx.event.cookies ?? []) : [];
      reqCtx.set('viewer', await viewerOf(tokenOf(reqCtx.req.headers, cookies), dependencies.tokens, dependencies.directory));
    }
    await next();
  });
  const viewer = (reqCtx: RequestContext<ApiEnv>): Viewer => reqCtx.get('viewer')!;

  for (const [type, status, code] of KNOWN_ERRORS) {
    app.errorHandler(type, async (error) => problem(status, code, error.message));
  }
  app.errorHandler(SignInRefusedError, async (error) => problem(error.status, 'sign-in-refused', error.message));

  sessionRoutes(app, dependencies.userPool);
  app.errorHandler(Error, async (error, reqCtx) => {
    if (error.name === 'RequestValidationError') {
      const issues = ((error as { details?: { issues?: Array<{ message: string; path: PropertyKey[] }> } }).details?.issues ?? []).map(
        (issue) => `${issue.path.map(String).join('.') || 'request'}: ${issue.message}`,
      );
      return problem(400, 'bad-request', `The request is not as expected: ${issues.join('; ')}`, { problems: issues });
    }
    if (error.name === 'NotFoundError' || error.name === 'MethodNotAllowedError') return problem(404, 'no-such-route', error.message);
    logger.error('The API failed', { error, route: reqCtx.route });
    return problem(
      500,
      'internal',
      `Something went wrong on our side and has been logged (request ${reqCtx.context.awsRequestId}): try again, and tell your administrator if it persists`,
    );
  });

  app.get('/api/me', async (reqCtx) => json(200, await describeViewer(viewsFor(dependencies, reqCtx.req), viewer(reqCtx))));

  app.get(
    '/api/obligations',
    async (reqCtx) => json(200, await listObligations(viewsFor(dependencies, reqCtx.req), viewer(reqCtx), reqCtx.valid.req.query.body)),
    {
      validation: { req: { query: obligationsQuery } },
    },
  );

  app.get('/api/reports', async (reqCtx) => {
    assertAdmin(viewer(reqCtx), 'list every report');
    return json(200, await dependencies.reports.listReports());
  });

  app.get('/api/review', async (reqCtx) => {
    assertAdmin(viewer(reqCtx), 'see what waits for a person');
    return json(200, await dependencies.reports.reviewItems());
  });

  app.post(
    '/api/reports/:reportId/duplicate',
    async (reqCtx) => {
      const { decision, reason } = reqCtx.valid.req.body;
      const settled = await settleDuplicate(dependencies, viewer(reqCtx), param(reqCtx.params.reportId), decision, reason);
      return json(200, await viewReport(viewsFor(dependencies, reqCtx.req), viewer(reqCtx), settled.report.mergedInto ?? settled.report.id));
    },
    { validation: { req: { body: duplicateDecisionRequest } } },
  );

  app.post(
    '/api/reports/:reportId/responds-to',
    async (reqCtx) => {
      const { reportId, reason } = reqCtx.valid.req.body;
      await linkResponseAs(dependencies, viewer(reqCtx), param(reqCtx.params.reportId), reportId, reason);
      return json(200, await viewReport(viewsFor(dependencies, reqCtx.req), viewer(reqCtx), reportId));
    },
    { validation: { req: { body: responseLinkRequest } } },
  );

  app.get('/api/reports/:reportId', async (reqCtx) =>
    json(200, await viewReport(viewsFor(dependencies, reqCtx.req), viewer(reqCtx), param(reqCtx.params.reportId))),
  );

  app.post(
    '/api/reports/:reportId/bodies/:bodyId/progress',
    async (reqCtx) =>
      json(200, await recordProgress(dependencies, viewer(reqCtx), param(reqCtx.params.reportId), param(reqCtx.params.bodyId), [reqCtx.valid.req.body])),
    { validation: { req: { body: progressRequest } } },
  );

  app.post(
    '/api/reports/:reportId/bodies/:bodyId/corrections',
    async (reqCtx) => {
      const { reason, ...correction } = reqCtx.valid.req.body;
      return json(200, await correctObligationAs(dependencies, viewer(reqCtx), param(reqCtx.params.reportId), param(reqCtx.params.bodyId), correction, reason));
    },
    { validation: { req: { body: obligationCorrectionRequest } } },
  );

  app.post(
    '/api/reports/:reportId/corrections',
    async (reqCtx) => {
      const { reason, ...correction } = reqCtx.valid.req.body;
      const corrected = await correctReportAs(dependencies, viewer(reqCtx), param(reqCtx.params.reportId), correction, reason);
      return json(200, await viewReport(viewsFor(dependencies, reqCtx.req), viewer(reqCtx), corrected.report.id));
    },
    { validation: { req: { body: reportCorrectionRequest } } },
  );

  app.get('/api/bodies', async (reqCtx) => json(200, (await describeViewer(viewsFor(dependencies, reqCtx.req), viewer(reqCtx))).bodies));

  app.post('/api/bodies', async (reqCtx) => json(201, await addBody(dependencies, viewer(reqCtx), await reqCtx.req.json())));

  app.put(
    '/api/bodies/:bodyId',
    async (reqCtx) => {
      const body = (await reqCtx.req.clone().json()) as Record<string, unknown>;
      const { retire, reason, emailAgain } = reqCtx.valid.req.body;
      const { retire: _retire, reason: _reason, emailAgain: _emailAgain, ...fields } = body;
      return json(200, await changeBody(dependencies, viewer(reqCtx), param(reqCtx.params.bodyId), fields, { retire, reason: reason ?? null, emailAgain }));
    },
    { validation: { req: { body: bodyChangeRequest } } },
  );

  app.post('/api/bodies/:bodyId/calendar-link', async (reqCtx) => {
    const views = viewsFor(dependencies, reqCtx.req);
    await renewCalendarLink(dependencies, viewer(reqCtx), param(reqCtx.params.bodyId));
    return json(
      200,
      (await describeViewer(views, viewer(reqCtx))).bodies.find((body) => body.id === param(reqCtx.params.bodyId)),
    );
  });

  app.get(
    '/api/bodies/:bodyId/calendar.ics',
    async (reqCtx) => {
      const bodyId = param(reqCtx.params.bodyId);
      const feed = await bodyCalendar(viewsFor(dependencies, reqCtx.req), bodyId, reqCtx.valid.req.query.token ?? '');
      return new Response(feed, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=900' } });
    },
    { validation: { req: { query: calendarQuery } } },
  );

  app.get('/api/bodies/:bodyId/obligations.csv', async (reqCtx) => {
    const bodyId = param(reqCtx.params.bodyId);
    const csv = await bodySpreadsheet(viewsFor(dependencies, reqCtx.req), viewer(reqCtx), bodyId);
    const fileName = `fiftysix-${bodyId}-${londonDateAt(dependencies.now())}.csv`;
    return download(reqCtx, csv, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` });
  });

  app.get('/api/reports/:reportId/bodies/:bodyId/draft-response.docx', async (reqCtx) => {
    const { title, document } = await bodyDraftResponse(
      viewsFor(dependencies, reqCtx.req),
      viewer(reqCtx),
      param(reqCtx.params.reportId),
      param(reqCtx.params.bodyId),
    );
    const fileName = `Response to ${title}`
      .replace(/[^\p{L}\p{N} ,.()-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120);
    return download(reqCtx, document, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}.docx`,
    });
  });

  app.get('/api/users', async (reqCtx) => {
    assertAdmin(viewer(reqCtx), 'list the users');
    return json(200, await dependencies.directory.listUsers());
  });

  app.put(
    '/api/users/:email',
    async (reqCtx) => json(200, await saveUser(dependencies, viewer(reqCtx), { email: param(reqCtx.params.email), ...reqCtx.valid.req.body })),
    {
      validation: { req: { body: userRequest } },
    },
  );

  app.post(
    '/api/uploads',
    async (reqCtx) => {
      const { fileName, publishedOn } = reqCtx.valid.req.body;
      return json(201, await requestUpload(dependencies, viewer(reqCtx), { fileName, publishedOn: publishedOn ?? null }));
    },
    { validation: { req: { body: uploadRequest } } },
  );

  app.get('/api/uploads/:uploadId', async (reqCtx) => {
    const status = await uploadStatus(dependencies, viewer(reqCtx), param(reqCtx.params.uploadId));
    return status ? json(200, status) : problem(404, 'not-found', 'There is no such upload: ask for a new upload link');
  });

  return app;
}
