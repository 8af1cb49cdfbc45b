/**
 * How the functions are triggered, defined once for the CDK app and the local stack alike.
 */

/** Only objects under this prefix start an ingestion. */
export const UPLOADS_PREFIX = 'uploads/';

/** Where the office's page puts the reports it uploads, one folder per upload. */
export const WEB_UPLOADS_PREFIX = `${UPLOADS_PREFIX}web/`;

/** Where the discovery function puts the reports it finds: under the uploads prefix, so the ingest reads them as any other upload. */
export const DISCOVERED_PREFIX = `${UPLOADS_PREFIX}discovered/`;

/** S3 object metadata (x-amz-meta-published-on) a person sets to give the publication date. */
export const PUBLISHED_ON_METADATA = 'published-on';

/**
 * S3 object metadata (x-amz-meta-publisher) saying who published the document, where that is known:
 * "inspectorate" when discovery fetched it from the inspectorate's own site.
 */
export const PUBLISHER_METADATA = 'publisher';

/** Metadata the API signs into an upload link: who asked for it, so the report's history names them. */
export const UPLOADED_BY_METADATA = 'uploaded-by';

/**
 * Metadata a person sets when uploading a report again, to record what the office has done; `body`
 * names the local policing body (all the report's bodies when absent).
 */
export const PROGRESS_METADATA = {
  body: 'body',
  chiefOfficerCommentsReceivedOn: 'chief-officer-comments-received-on',
  responsePublishedOn: 'response-published-on',
  explainedRecommendations: 'explained',
} as const;

/** Every day at 06:00 London time, before an office opens; EventBridge Scheduler applies the time zone. */
export const DEADLINE_SCAN_SCHEDULE = {
  expression: 'cron(0 6 * * ? *)',
  timeZone: 'Europe/London',
} as const;

/** An hour after the scan: time enough for it and its retries, and still before an office opens. */
export const SCAN_HEARTBEAT_SCHEDULE = {
  expression: 'cron(0 7 * * ? *)',
  timeZone: 'Europe/London',
} as const;

/** Hourly through the working day, Monday to Friday, London time: when HMICFRS publishes, and no more often than a site expects. */
export const DISCOVERY_SCHEDULE = {
  expression: 'cron(0 7-19 ? * MON-FRI *)',
  timeZone: 'Europe/London',
} as const;

export const HANDLER_ENTRIES = {
  ingest: 'functions/ingest/handler.ts',
  deadlineScan: 'functions/deadline-scan/handler.ts',
  scanHeartbeat: 'functions/deadline-scan/heartbeat.ts',
  api: 'functions/api/handler.ts',
  seed: 'functions/seed/handler.ts',
  sesEvents: 'functions/ses-events/handler.ts',
  discovery: 'functions/discovery/handler.ts',
} as const;
