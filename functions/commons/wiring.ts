/**
 * How the functions are triggered, defined once for the CDK app and the local stack alike.
 */

/** Only objects under this prefix start an ingestion. */
export const UPLOADS_PREFIX = 'uploads/';

/** S3 object metadata (x-amz-meta-published-on) a person sets to give the publication date. */
export const PUBLISHED_ON_METADATA = 'published-on';

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

export const HANDLER_ENTRIES = {
  ingest: 'functions/ingest/handler.ts',
  deadlineScan: 'functions/deadline-scan/handler.ts',
} as const;
