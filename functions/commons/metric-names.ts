/**
 * The figures the functions publish (CloudWatch embedded metric format, through Powertools Metrics)
 * and the stack's alarms watch: named once, for both.
 */
export const METRICS_NAMESPACE = 'FiftySix';

export const METRIC = {
  /** 1 each time the deadline scan finishes its pass over what is due. */
  scanCompleted: 'ScanCompleted',
  /** 1 when the morning's check finds no scan finished today. */
  scanMissed: 'ScanMissed',
  remindersSent: 'RemindersSent',
  /** SES refused them, or they never reached it: the next scan sends them. */
  remindersRefused: 'RemindersRefused',
  /** SES may have taken them: a person, or SES's events, must settle them. */
  remindersUnconfirmed: 'RemindersUnconfirmed',
  /** Claimed over an hour ago and still not known to be sent or refused. */
  remindersUnsettled: 'RemindersUnsettled',
  /** An upload recorded as failed, for a person to look at. */
  uploadsFailed: 'UploadsFailed',
  /** A recipient SES said bounced for good or complained, no longer emailed. */
  recipientsSuppressed: 'RecipientsSuppressed',
  /** Discovery sources that failed, or listed nothing it could read, on three runs in a row. */
  discoverySourcesFailing: 'DiscoverySourcesFailing',
  /** Documents a discovery pass put into the uploads bucket. */
  documentsDiscovered: 'DocumentsDiscovered',
  /** A body left with no recipient its reminders can reach. */
  bodiesWithoutRecipients: 'BodiesWithoutRecipients',
} as const;
