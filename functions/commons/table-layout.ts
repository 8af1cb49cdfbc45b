/**
 * The single table's key design, shared by the adapters that read and write it, the CDK app that
 * creates it and the local stack that creates it on DynamoDB Local, so the three cannot drift.
 *
 * Items (pk / sk):
 * - report:           REPORT#<reportId> / REPORT
 * - obligation:       REPORT#<reportId> / OBLIGATION#<bodyId>
 * - reminder ledger:  REPORT#<reportId> / REMINDER#<bodyId>#<dateKind>#<dueOn>#<stage>
 * - audit event:      REPORT#<reportId> | BODY#<bodyId> | USER#<email> / EVENT#<at>#<random>
 * - upload:           UPLOAD#<bucket>/<key> / ETAG#<eTag>
 * - upload request:   UPLOAD-REQUEST#<uploadId> / REQUEST (an upload the page asked for)
 * - body:             BODIES / BODY#<bodyId> (one partition: every body in one query)
 * - calendar link:    BODY#<bodyId> / CALENDAR (kept apart, so listing bodies never reads the secret)
 * - user:             USERS / USER#<email>
 * - scan heartbeat:   HEARTBEAT / DEADLINE-SCAN (the last day the deadline scan finished)
 * - report identity:  IDENTITY#<text|description>#<key> / IDENTITY (the report with that text, or that
 *                     title, date and forces: written only if absent, so two uploads at once make one report)
 * - report by title:  TITLE#<title and forces> / REPORT#<reportId> (reports sharing a title and forces)
 * - for a person:     REVIEW / <possible-duplicate|unlinked-response>#<reportId> (what only a person can settle)
 * - discovery source: DISCOVERY / SOURCE#<url> (a feed or listing, its validators and its run of problems)
 * - seen by a source: SOURCE#<url> / SEEN#<address> (a landing page or document it led to, its fingerprint and when)
 *
 * A report and what hangs on it share a partition, so a report's page is read in a few queries and
 * a change to it, its obligations and its audit event are written in one transaction.
 *
 * Indexes, each sparse (only the items that carry their keys appear):
 * - reminders-due: obligations with a reminder still to send, by the day of the next one, so the
 *   deadline scan reads only what is due, whatever the size of the table;
 * - obligations-by-body: every obligation of one body, for its list, its calendar and its spreadsheet;
 * - reports-by-last-day: every report, by its last day (reports with no clock last), for an
 *   administrator's list and for the reports a newly added body may owe;
 * - unsettled-reminders: reminders claimed and not yet known to be sent or refused (in flight, or
 *   their outcome lost), by when they were claimed: what is still there after a while goes to a person.
 */
export const TABLE_LAYOUT = {
  partitionKey: 'pk',
  sortKey: 'sk',
  remindersDueIndex: {
    name: 'reminders-due',
    partitionKey: 'reminderQueue',
    sortKey: 'nextReminderOn',
  },
  obligationsByBodyIndex: {
    name: 'obligations-by-body',
    partitionKey: 'obligationBody',
    sortKey: 'obligationReport',
  },
  reportsByLastDayIndex: {
    name: 'reports-by-last-day',
    partitionKey: 'reportList',
    sortKey: 'reportLastDay',
    /** What an administrator's list of reports shows, without reading each report whole. */
    attributes: ['id', 'status', 'kind', 'title', 'publishedOn', 'responseDueOn', 'forces', 'failure', 'source', 's55'],
  },
  unsettledRemindersIndex: {
    name: 'unsettled-reminders',
    partitionKey: 'unsettled',
    sortKey: 'unsettledSince',
  },
} as const;

/** The deadline scan's heartbeat, the one item the morning check reads: its partition is the check's only access. */
export const SCAN_HEARTBEAT_KEY = { pk: 'HEARTBEAT', sk: 'DEADLINE-SCAN' } as const;

/** The one value of `unsettled`: only ledger entries whose outcome is not yet known carry it. */
export const UNSETTLED_REMINDER = 'reminder';

/** The one value of `reminderQueue`: the index is sparse, so only obligations with reminders to send appear. */
export const OPEN_REMINDER_QUEUE = 'open';

/** The one value of `reportList`: every report is in the index. */
export const REPORT_LIST = 'REPORT';

/** The one partition of what only a person can settle (review items). */
export const REVIEW_PARTITION = 'REVIEW';

/** A report with no clock sorts after every dated one. */
export const NO_LAST_DAY = '9999-12-31';

/** Every index, in the shape both the CDK app and the local stack turn into their own definitions. */
export const SECONDARY_INDEXES = [
  { ...TABLE_LAYOUT.remindersDueIndex, projection: 'ALL' },
  { ...TABLE_LAYOUT.obligationsByBodyIndex, projection: 'ALL' },
  { ...TABLE_LAYOUT.reportsByLastDayIndex, projection: 'INCLUDE' },
  { ...TABLE_LAYOUT.unsettledRemindersIndex, projection: 'ALL' },
] as const;
