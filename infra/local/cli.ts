/**
 * `npm run --silent cli -- <command>`: FiftySix from the command line, against the running local
 * stack. JSON on stdout, readable errors on stderr, a non-zero exit on failure.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { confirmPublicationDate, ObligationUpdateError, recordProgress } from '../../functions/commons/obligation-updates';
import { ReportNotFoundError, ReportsTable } from '../../functions/commons/reports-table';
import { PUBLISHED_ON_METADATA, UPLOADS_PREFIX } from '../../functions/commons/wiring';
import { addDays, isCalendarDate } from '../../shared/calendar-date';
import { ConfigurationError, chiefOfficerCommentsDayFor, reminderSettingsFor } from '../../shared/configuration';
import { isTrackablePublicationDate, obligationDates, TRACKABLE_PUBLICATION_DATES } from '../../shared/deadlines';
import { extractDocument, UnreadableDocumentError } from '../../shared/extraction';
import type { Report } from '../../shared/model';
import { DEFAULT_REMINDER_SETTINGS, NO_PROGRESS, type ObligationProgress, planReminders } from '../../shared/reminders';
import { reportIdFor } from '../../shared/report-id';
import { BankHolidayDataError } from '../../shared/working-days';
import { loadDeploymentConfiguration } from '../configuration-file';
import { LocalStackError } from './emulators';
import { LOCAL_NAMES, scheduledScanEvent, useLocalEnvironment } from './local-stack';
import { readOutbox } from './outbox';
import { readStackFile } from './stack-file';

const USAGE = `Usage: npm run --silent cli -- <command>
  extract <file>                             what FiftySix reads from a report; stores nothing
  ingest <file> [--published YYYY-MM-DD]     upload into the local bucket, wait, print the stored report
  scan [--at <ISO 8601 date-time>]           run the deadline scan as at that moment (default: now)
  outbox                                     the emails the local SES holds
  due --published YYYY-MM-DD [--body <id>]   every date and reminder for a report published that day
  confirm <report-id> --published YYYY-MM-DD correct a report's publication date; every date follows
  progress <report-id> --body <id> [--comments-received YYYY-MM-DD] [--explained <ref>]... [--response-published YYYY-MM-DD]
                                             record what the body has done; reminders about it stop`;

/** A mistake in how the command was called: shown with the usage. */
class UsageError extends Error {}

const INGEST_WAIT_MS = 30_000;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function connectToLocalStack(): void {
  useLocalEnvironment(readStackFile().ports, loadDeploymentConfiguration());
  // stdout carries the command's JSON: the handlers' routine log lines stay out of it (warnings and errors go to stderr).
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
}

function localReportsTable(): ReportsTable {
  connectToLocalStack();
  return new ReportsTable(new DynamoDBClient({}), LOCAL_NAMES.tableName);
}

async function extract(file: string): Promise<void> {
  print(await extractDocument(await readFile(file)));
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
  const reports = localReportsTable();
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
    const upload = await reports.getUpload(LOCAL_NAMES.uploadsBucketName, key, eTag);
    if (upload && upload.ingestedAt >= uploadedAt) {
      const report = await reports.getReport(upload.reportId);
      if (!report) throw new Error(`Upload ${key} was ingested as report ${upload.reportId}, but that report is not in the table`);
      print({ ...describeReport(report), upload: { key, outcome: upload.saved } });
      if (report.status === 'failed') {
        process.stderr.write(`${file} could not be ingested: ${report.failure?.message ?? 'no reason recorded'}\n`);
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
  const corrected = await confirmPublicationDate(localReportsTable(), loadDeploymentConfiguration(), reportId, published, 'confirmed');
  print({ ...describeReport(corrected.report), obligations: corrected.obligations });
}

async function progress(reportId: string, bodyId: string, change: Partial<ObligationProgress>): Promise<void> {
  const [updated] = await recordProgress(localReportsTable(), reportId, bodyId, change);
  print(updated);
}

async function outbox(): Promise<void> {
  const stack = readStackFile();
  print((await readOutbox(stack.inboxUrl)).map(({ to, subject, text }) => ({ to, subject, text })));
}

/** Each command and how many positional arguments it takes (a file or a report id). */
const COMMANDS: Record<string, 0 | 1> = { extract: 1, ingest: 1, scan: 0, outbox: 0, due: 0, confirm: 1, progress: 1 };

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
  if (arity === 1 && !argument) throw new UsageError(`${command} needs a ${command === 'extract' || command === 'ingest' ? 'file' : 'report id'}`);
  switch (command) {
    case 'extract':
      await extract(argument!);
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
    default:
      await progress(argument!, required('body', values.body), {
        ...(values['comments-received'] ? { chiefOfficerCommentsReceivedOn: dateOption('comments-received', values['comments-received']) } : {}),
        ...(values['response-published'] ? { responsePublishedOn: dateOption('response-published', values['response-published']) } : {}),
        ...(values.explained ? { explainedRecommendations: values.explained } : {}),
      });
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    const known = [UnreadableDocumentError, ConfigurationError, LocalStackError, ReportNotFoundError, ObligationUpdateError, BankHolidayDataError].some(
      (type) => error instanceof type,
    );
    const fileMissing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    process.stderr.write(`${known || fileMissing ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
