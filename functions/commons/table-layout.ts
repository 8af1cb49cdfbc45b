/**
 * The single table's key design, shared by the adapter that reads and writes it, the CDK app that
 * creates it and the local stack that creates it on DynamoDB Local, so the three cannot drift.
 *
 * Items (pk / sk):
 * - report:           REPORT#<reportId> / REPORT
 * - obligation:       REPORT#<reportId> / OBLIGATION#<bodyId>
 * - reminder ledger:  REPORT#<reportId> / REMINDER#<bodyId>#<dateKind>#<dueOn>#<stage>
 * - upload:           UPLOAD#<bucket>/<key> / ETAG#<eTag>
 *
 * Obligations with a reminder still to send carry `reminderQueue` and `nextReminderOn`; the sparse
 * index on them lets the deadline scan read only what is due, whatever the size of the table.
 */
export const TABLE_LAYOUT = {
  partitionKey: 'pk',
  sortKey: 'sk',
  remindersDueIndex: {
    name: 'reminders-due',
    partitionKey: 'reminderQueue',
    sortKey: 'nextReminderOn',
  },
} as const;

/** The one value of `reminderQueue`: the index is sparse, so only obligations with reminders to send appear. */
export const OPEN_REMINDER_QUEUE = 'open';
