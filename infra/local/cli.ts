/**
 * `npm run --silent cli -- <command>`: FiftySix from the command line, against the running local
 * stack. JSON on stdout, readable errors on stderr, a non-zero exit on failure. Every change goes
 * through the same use cases as the API, recorded in the audit trail as "cli".
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DirectoryChangeRefusedError } from '../../functions/commons/directory-updates';
import { lateResponses, listObligations } from '../../functions/commons/office-views';
import { alertLines, NothingToSettleError, operatorAlerts, settleReminders } from '../../functions/commons/operator-alerts';
import { correctReportAs, ObligationNotFoundError, recordProgress } from '../../functions/commons/report-changes';
import { linkResponseAs } from '../../functions/commons/report-sources';
import { ConcurrentChangeError, ReportNotFoundError } from '../../functions/commons/reports-table';
import { PUBLISHED_ON_METADATA, UPLOADS_PREFIX } from '../../functions/commons/wiring';
import { discover, discoveryDependencies } from '../../functions/discovery/discover';
import { ForbiddenError, type Viewer } from '../../shared/access';
import { SYSTEM_ACTORS } from '../../shared/audit';
import { addDays, isCalendarDate, londonDateAt } from '../../shared/calendar-date';
import { ConfigurationError, chiefOfficerCommentsDayFor, reminderSettingsFor } from '../../shared/configuration';
import { CorrectionRefusedError } from '../../shared/corrections';
import { isTrackablePublicationDate, obligationDates, TRACKABLE_PUBLICATION_DATES } from '../../shared/deadlines';
import { explainDocument, extractDocument, UnreadableDocumentError } from '../../shared/extraction';
import type { Report } from '../../shared/model';
import { summariseObligation } from '../../shared/obligation-state';
import { type ProgressChange, ProgressRefusedError } from '../../shared/progress';
import { DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, planReminders } from '../../shared/reminders';
import { reportIdFor } from '../../shared/report-id';
import { ResponseNotLinkedError } from '../../shared/responses';
import { BankHolidayDataError } from '../../shared/working-days';
import { loadDeploymentConfiguration } from '../configuration-file';
import { LocalStackError } from './emulators';
import { LOCAL_NAMES, localAdapters, scheduledScanEvent, useLocalEnvironment } from './local-stack';
import { readOutbox } from './outbox';
import { type RunningStackDescription, readStackFile } from './stack-file';

const USAGE = `Usage: npm run --silent cli -- <command>
  extract <file> [--explain]                 what FiftySix reads from a report; stores nothing. --explain: each finding, the rule that read it and the text it read
  ingest <file> [--published YYYY-MM-DD]     upload into the local bucket, wait, print the stored report and who owes it
  scan [--at <ISO 8601 date-time>]           run the deadline scan as at that moment (default: now)
  outbox                                     the emails the local SES holds
  due --published YYYY-MM-DD [--body <id>]   every date and reminder for a report published that day
  confirm <report-id> --published YYYY-MM-DD correct a report's publication date; every date follows
  progress <report-id> --body <id> [--comments-received YYYY-MM-DD] [--explained <ref>]... [--response-published YYYY-MM-DD]
                                             record what the body has done; reminders about it stop
  obligations [--body <id>]                  what every body (or one) owes, as GET /api/obligations returns it
  users                                      who can sign in, the bodies they act for, and who administers
  alerts                                     what the alarms would raise: a missed scan, unsettled reminders, failed uploads, suppressed recipients,
                                             discovery sources failing three runs in a row, discovered reports with no stated date
  discover [--source <url>]                  one discovery pass over the configured sources (or one of them): what each found, fetched and skipped, and why
  settle <report-id> --body <id> --outcome sent|resend
                                             settle a reminder SES's events did not: it was sent, or send it again at the next scan
  review                                     what waits for a person: possible duplicates, and responses not linked to their report
  link <response-id> --report <report-id>    link a body's response to the report it answers; that body's reminders stop
  lateness                                   for every published response: the day of the 56 it came on, and the days late
  token <email>                              sign in as a local user: prints {"idToken": …} for the API's Authorization header
  stack                                      where the running local stack is: appUrl, apiUrl, inboxUrl and the rest`;

/** A mistake in how the command was called: shown with the usage. */
class UsageError extends Error {}

const INGEST_WAIT_MS = 30_000;

/** The command line acts as an administrator, under its own name in the audit trail. */
const CLI: Viewer = { actor: SYSTEM_ACTORS.cli, bodyIds: [], admin: true };

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function connectToLocalStack(): { stack: RunningStackDescription; adapters: ReturnType<typeof localAdapters> } {
  const stack = readStackFile();
  useLocalEnvironment(stack, loadDeploymentConfiguration());
  // stdout carries the command's JSON: the handlers' routine log lines stay out of it (warnings and errors go to stderr).
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  return { stack, adapters: localAdapters() };
}

async function extract(file: string, explain: boolean): Promise<void> {
  const bytes = await readFile(file);
  if (!explain) {
    print(await extractDocument(bytes));
    return;
  }
  const { explanations } = await explainDocument(bytes);
  const lines = explanations.map(({ finding, rule, read }) => `${finding}: rule ${rule}\n  read: ${read}`);
  process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : 'Nothing was found.\n');
}

function describeReport(report: Report) {
  return {
    id: report.id,
    status: report.status,
    title: report.title,
    publishedOn: report.publishedOn,
    responseDueOn: report.responseDueOn,
    recommendations: report.recommendations,
    s55: report.s55,
    statedRecommendationCount: report.statedRecommendationCount,
    ...(report.failure ? { failure: report.failure } : {}),
  };
}

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isCalendarDate(value)) throw new UsageError(`--${name} "${value}" is not a date: write YYYY-MM-DD`);
  if (value !== undefined && !isTrackablePublicationDate(value)) throw new UsageError(`--${name} ${value} is not ${TRACKABLE_PUBLICATION_DATES}`);
  return value;
}

function required<T>(name: string, value: T | undefined): T {
  if (value === undefined) throw new UsageError(`--${name} is needed`);
  return value;
}

async function ingest(file: string, published: string | undefined): Promise<number> {
  dateOption('published', published);
  const { adapters } = connectToLocalStack();
  const bytes = await readFile(file);
  const key = `${UPLOADS_PREFIX}${basename(file)}`;
  // The same file uploaded again under the same name has the same upload record: wait for this upload's.
  const uploadedAt = new Date().toISOString();
  const { ETag } = await new S3Client({}).send(
    new PutObjectCommand({
      Bucket: LOCAL_NAMES.uploadsBucketName,
      Key: key,
      Body: bytes,
      Metadata: published ? { [PUBLISHED_ON_METADATA]: published } : undefined,
    }),
  );
  const eTag = (ETag ?? '').replace(/"/g, '');
  const deadline = Date.now() + INGEST_WAIT_MS;
  while (Date.now() < deadline) {
    const upload = await adapters.reports.getUpload(LOCAL_NAMES.uploadsBucketName, key, eTag);
    if (upload && upload.ingestedAt >= uploadedAt) {
      const state = await adapters.reports.getReportState(upload.reportId);
      if (!state) throw new Error(`Upload ${key} was ingested as report ${upload.reportId}, but that report is not in the table`);
      const today = londonDateAt(new Date());
      const obligations = state.obligations.map((obligation) => summariseObligation(obligation, state.report, today));
      // The upload's failure is the report's, or that of a publication date the upload could not correct the stored report to.
      const failure = upload.failure ?? null;
      print({ ...describeReport(state.report), obligations, upload: { key, outcome: upload.saved, failure } });
      if (failure) {
        process.stderr.write(`${file} could not be ingested: ${failure.message}\n`);
        return 1;
      }
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `Uploaded ${key} (report ${reportIdFor(bytes)}), but it was not ingested within ${INGEST_WAIT_MS / 1000} s: see the "npm start" terminal for errors`,
  );
}

async function scan(at: string | undefined): Promise<void> {
  const moment = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(moment.getTime())) throw new UsageError(`--at "${at}" is not a date-time: write ISO 8601, e.g. 2024-04-17T09:00:00+01:00`);
  connectToLocalStack();
  const { handler } = await import('../../functions/deadline-scan/handler');
  const result = await handler(scheduledScanEvent(moment));
  print(result.sent);
}

/** The plan as it stands before anything is done, with overdue reminders shown for four weeks. */
const DUE_PLAN_WEEKS_OVERDUE = 4;

function due(published: string, bodyId: string | undefined): void {
  const configuration = loadDeploymentConfiguration();
  const body = bodyId === undefined ? undefined : configuration.localPolicingBodies.find((candidate) => candidate.id === bodyId);
  if (bodyId !== undefined && !body) {
    throw new UsageError(`--body "${bodyId}" is not in the configuration; it lists: ${configuration.localPolicingBodies.map((each) => each.id).join(', ')}`);
  }
  const dates = obligationDates(published, [], body ? chiefOfficerCommentsDayFor(body) : undefined);
  const settings = body ? reminderSettingsFor(body) : DEFAULT_REMINDER_SETTINGS;
  const plan = planReminders(dates, settings, NO_PROGRESS, addDays(dates.responseDueOn, DUE_PLAN_WEEKS_OVERDUE * 7));
  print({
    publishedOn: dates.publishedOn,
    responseDueOn: dates.responseDueOn,
    chiefOfficerCommentsDueOn: dates.chiefOfficerCommentsDueOn,
    reminders: plan.map(({ dateKind, stage, sendOn, dueOn }) => ({ dateKind, stage, sendOn, dueOn })),
  });
}

async function confirm(reportId: string, published: string): Promise<void> {
  const { adapters } = connectToLocalStack();
  const corrected = await correctReportAs(adapters, CLI, reportId, { type: 'publication-date', publishedOn: published }, 'Confirmed from the command line');
  print({ ...describeReport(corrected.report), obligations: corrected.obligations });
}

async function progress(reportId: string, bodyId: string, changes: ProgressChange[]): Promise<void> {
  if (changes.length === 0) throw new UsageError('say what was done: --comments-received, --explained or --response-published');
  const { adapters } = connectToLocalStack();
  print(await recordProgress(adapters, CLI, reportId, bodyId, changes));
}

async function obligations(bodyId: string | undefined): Promise<void> {
  const { stack, adapters } = connectToLocalStack();
  print(await listObligations({ ...adapters, appUrl: stack.appUrl, apiUrl: stack.apiUrl }, CLI, bodyId));
}

async function users(): Promise<void> {
  const { adapters } = connectToLocalStack();
  print((await adapters.directory.listUsers()).filter((user) => !user.removed).map(({ email, bodyIds, admin }) => ({ email, bodyIds, admin })));
}

async function token(email: string): Promise<void> {
  const { stack, adapters } = connectToLocalStack();
  const signedIn = await adapters.userPool.signIn(email, stack.localPassword);
  if (signedIn.outcome !== 'signed-in') throw new UsageError(`${email} must choose a new password first: sign in on the page at ${stack.appUrl}`);
  print({ idToken: signedIn.tokens.idToken });
}

async function alerts(): Promise<void> {
  const { adapters } = connectToLocalStack();
  const found = await operatorAlerts(adapters, new Date());
  print(found);
  for (const line of alertLines(found)) process.stderr.write(`${line}\n`);
}

async function discoverNow(sourceUrl: string | undefined): Promise<void> {
  const configuration = loadDeploymentConfiguration();
  if (!configuration.discovery)
    throw new UsageError('no discovery sources are configured: add "discovery": { "sources": [...], "contact": "..." } to fiftysix.config.json');
  const { sources, contact } = configuration.discovery;
  const chosen = sourceUrl === undefined ? sources : sources.filter((source) => source.url === sourceUrl);
  if (chosen.length === 0)
    throw new UsageError(`--source "${sourceUrl}" is not a configured source; the configuration lists: ${sources.map((each) => each.url).join(', ')}`);
  connectToLocalStack();
  // The local stack's bucket notifies the ingest, as S3 does in AWS: what is put here becomes reports.
  const runs = await discover(chosen, discoveryDependencies({ tableName: LOCAL_NAMES.tableName, bucket: LOCAL_NAMES.uploadsBucketName }, contact));
  print(
    runs.map((run) => ({
      source: run.source,
      found: run.found,
      fetched: run.fetched.map(({ url, landingPage, key, publishedOn, newVersion }) => ({ url, landingPage, key, publishedOn, newVersion })),
      skipped: run.skipped.map(({ url, title, reason }) => ({ url, title, reason: reason.message })),
      errors: run.errors,
      ...(run.problem ? { problem: run.problem, consecutiveProblems: run.consecutiveProblems, alarm: run.alarm } : {}),
    })),
  );
}

async function settle(reportId: string, bodyId: string, outcome: string | undefined): Promise<void> {
  if (outcome !== 'sent' && outcome !== 'resend') throw new UsageError('--outcome must be "sent" (SES sent it) or "resend" (it was not sent: send it again)');
  const { adapters } = connectToLocalStack();
  const settled = await settleReminders(adapters.reports, reportId, bodyId, outcome, CLI.actor);
  print(settled.map(({ reportId: report, bodyId: body, dateKind, stage }) => ({ reportId: report, bodyId: body, dateKind, stage, outcome })));
}

async function review(): Promise<void> {
  const { adapters } = connectToLocalStack();
  print(await adapters.reports.reviewItems());
}

async function link(responseId: string, reportId: string): Promise<void> {
  const { adapters } = connectToLocalStack();
  const linked = await linkResponseAs(adapters, CLI, responseId, reportId, 'Linked from the command line');
  print(linked.obligations.filter((obligation) => obligation.response?.responseId === responseId));
}

async function lateness(): Promise<void> {
  const { adapters } = connectToLocalStack();
  print(await lateResponses(adapters));
}

function stackDescription(): void {
  const { pid: _pid, ...stack } = readStackFile();
  print(stack);
}

async function outbox(): Promise<void> {
  const stack = readStackFile();
  print((await readOutbox(stack.inboxUrl)).map(({ to, subject, text }) => ({ to, subject, text })));
}

/** Each command and how many positional arguments it takes (a file, a report id or an email). */
const COMMANDS: Record<string, 0 | 1> = {
  extract: 1,
  ingest: 1,
  scan: 0,
  outbox: 0,
  due: 0,
  confirm: 1,
  progress: 1,
  obligations: 0,
  users: 0,
  alerts: 0,
  discover: 0,
  settle: 1,
  review: 0,
  link: 1,
  lateness: 0,
  token: 1,
  stack: 0,
};

const ARGUMENT_NAMES: Record<string, string> = { extract: 'file', ingest: 'file', token: 'email', link: 'response id' };

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      published: { type: 'string' },
      at: { type: 'string' },
      body: { type: 'string' },
      'comments-received': { type: 'string' },
      'response-published': { type: 'string' },
      explained: { type: 'string', multiple: true },
      outcome: { type: 'string' },
      report: { type: 'string' },
      source: { type: 'string' },
      explain: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument, ...extra] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const arity = COMMANDS[command];
  if (arity === undefined) throw new UsageError(`unknown command "${command}"`);
  if (extra.length > 0 || (arity === 0 && argument)) throw new UsageError(`unexpected arguments: ${[argument, ...extra].filter(Boolean).join(' ')}`);
  if (arity === 1 && !argument) throw new UsageError(`${command} needs a ${ARGUMENT_NAMES[command] ?? 'report id'}`);
  switch (command) {
    case 'extract':
      await extract(argument!, values.explain === true);
      return 0;
    case 'ingest':
      return ingest(argument!, values.published);
    case 'scan':
      await scan(values.at);
      return 0;
    case 'outbox':
      await outbox();
      return 0;
    case 'due':
      due(required('published', dateOption('published', values.published)), values.body);
      return 0;
    case 'confirm':
      await confirm(argument!, required('published', dateOption('published', values.published)));
      return 0;
    case 'obligations':
      await obligations(values.body);
      return 0;
    case 'users':
      await users();
      return 0;
    case 'alerts':
      await alerts();
      return 0;
    case 'discover':
      await discoverNow(values.source);
      return 0;
    case 'settle':
      await settle(argument!, required('body', values.body), values.outcome);
      return 0;
    case 'review':
      await review();
      return 0;
    case 'link':
      await link(argument!, required('report', values.report));
      return 0;
    case 'lateness':
      await lateness();
      return 0;
    case 'token':
      await token(argument!);
      return 0;
    case 'stack':
      stackDescription();
      return 0;
    default: {
      const received = dateOption('comments-received', values['comments-received']);
      const published = dateOption('response-published', values['response-published']);
      await progress(argument!, required('body', values.body), [
        ...(received ? [{ action: 'chief-officer-comments-received' as const, on: received }] : []),
        ...(published ? [{ action: 'response-published' as const, on: published }] : []),
        ...(values.explained ?? []).map((recommendation) => ({ action: 'recommendation-explained' as const, recommendation })),
      ]);
      return 0;
    }
  }
}

/** Errors whose message is all a person needs; anything else is shown with its stack. */
const KNOWN_ERRORS = [
  UnreadableDocumentError,
  ConfigurationError,
  LocalStackError,
  ReportNotFoundError,
  ObligationNotFoundError,
  ProgressRefusedError,
  CorrectionRefusedError,
  DirectoryChangeRefusedError,
  ConcurrentChangeError,
  ForbiddenError,
  BankHolidayDataError,
  NothingToSettleError,
  ResponseNotLinkedError,
];

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    const known = KNOWN_ERRORS.some((type) => error instanceof type);
    const fileMissing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const signIn = (error as Error).name === 'NotAuthorizedException' || (error as Error).name === 'UserNotFoundException';
    process.stderr.write(`${known || fileMissing || signIn ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
