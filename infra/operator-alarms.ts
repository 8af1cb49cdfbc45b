import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../functions/commons/metric-names';
import { encryptedTopic } from './encrypted-topic';
import { POWERTOOLS_SERVICE, type ProjectFunction } from './project-function';

/**
 * The window for what the deadline scan and its morning check count once a morning: 25 hours, the
 * longest between two mornings (the Sunday the clocks go back), and a quarter of an hour for the next
 * morning's figure to arrive before the last one leaves the window. A figure that says something is
 * wrong so stays raised until a later morning says otherwise, and no change of the clocks empties the
 * window (a false ScanMissed, a false all-clear). The price is an hour: a morning check that never ran
 * is raised at 08:15, not 07:15, and the all-clear after a bad morning comes at 08:15 the next day.
 */
export const ONE_MORNING = Duration.minutes(25 * 60 + 15);

/** Discovery runs hourly: a window a little longer, so one run's figure stands until the next. */
const DISCOVERY_WINDOW = Duration.minutes(75);

/** For what happens any time of day (a failure, a bounce): each one tells the operators soon. */
const EVENTS_WINDOW = Duration.minutes(5);

/** AWS reviews an account at 5 % bounces and 0.1 % complaints; these leave time to act first. */
export const SES_REPUTATION_LIMITS = { bounceRate: 0.025, complaintRate: 0.0005 } as const;

interface OperatorAlarm {
  metric: IMetric;
  threshold: number;
  /** What it means and what to do: the email the operators get says it. */
  description: string;
  /** Missing data means all is well, unless the figure's absence is itself the fault. */
  treatMissingData?: TreatMissingData;
  /**
   * Whether the operators hear when it clears: for a state that lasts (a queue with messages in it, a
   * missed scan), not for events, whose alarm clears when none follows and not when they are dealt with.
   */
  toldWhenCleared: boolean;
}

/** A function the operators are told about when it fails, and why that matters. */
export interface WatchedFunction {
  /** Names its alarms, e.g. `FiftySix-IngestErrors`. */
  name: string;
  function: ProjectFunction;
  /** What a failure means to the offices, in a sentence. */
  whenItFails: string;
}

export interface OperatorAlarmsProps {
  /** Who is emailed: the configuration's `operators`. */
  operators: readonly string[];
  functions: readonly WatchedFunction[];
  /** Where to look when the scan or its figures raise an alarm. */
  deadlineScan: ProjectFunction;
  morningCheck: ProjectFunction;
  /** The discovery function, when the configuration names sources. */
  discovery: ProjectFunction | null;
}

/** A figure a project function publishes, as Powertools Metrics publishes it: FiftySix's namespace, the one `service` dimension. */
function projectMetric(metricName: (typeof METRIC)[keyof typeof METRIC], statistic: 'Maximum' | 'Sum', period: Duration): Metric {
  return new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: POWERTOOLS_SERVICE }, statistic, period });
}

/**
 * Tells the operators what needs a person: an SNS topic the configuration's operators are subscribed
 * to by email, and an alarm for each thing that can go wrong unseen, each saying what it means and
 * what to do.
 */
export class OperatorAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, { operators, functions, deadlineScan, morningCheck, discovery }: OperatorAlarmsProps) {
    super(scope, id);
    this.topic = encryptedTopic(this, 'Topic', { displayName: 'FiftySix alarms', publisher: 'cloudwatch.amazonaws.com' });
    for (const address of operators) this.topic.addSubscription(new EmailSubscription(address));

    for (const { name, function: watched, whenItFails } of functions) {
      this.alarm(`${name}Errors`, {
        metric: watched.function.metricErrors({ statistic: 'Sum', period: EVENTS_WINDOW }),
        threshold: 1,
        description: `${whenItFails}${watched.deadLetters ? ' Lambda tries an event twice more before giving up.' : ''} Find the error in the log group ${watched.logs.logGroupName}.`,
        toldWhenCleared: false,
      });
      if (watched.deadLetters) {
        this.alarm(`${name}DeadLetters`, {
          metric: watched.deadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: EVENTS_WINDOW }),
          threshold: 1,
          description:
            `${whenItFails} Events that failed every retry wait in the dead-letter queue ${watched.deadLetters.queueName}, for 14 days. ` +
            `Find why in the log group ${watched.logs.logGroupName}, fix it, then redrive them from the SQS console (Start DLQ redrive), or delete them once dealt with.`,
          toldWhenCleared: true,
        });
      }
    }

    const scanLogs = deadlineScan.logs.logGroupName;
    this.alarm('ScanMissed', {
      // A morning with no figure at all is a check that never ran: counted as missed, like a scan that never finished.
      metric: new MathExpression({
        expression: 'FILL(missed, 1)',
        usingMetrics: { missed: projectMetric(METRIC.scanMissed, 'Maximum', ONE_MORNING) },
        period: ONE_MORNING,
        label: 'ScanMissed, or no morning check at all',
      }),
      threshold: 1,
      treatMissingData: TreatMissingData.BREACHING,
      description:
        'The deadline scan has not finished today, or the 07:00 morning check did not run: reminders due today may not have gone. ' +
        `Find why in the scan's log group ${scanLogs} (and the check's, ${morningCheck.logs.logGroupName}), fix it, then run the scan again: ` +
        `aws lambda invoke --function-name ${deadlineScan.function.functionName} --cli-binary-format raw-in-base64-out --payload "{"scheduledTime":"$(date -u +%FT%TZ)"}" scan.json. ` +
        'It sends only what is due, never twice. The alarm clears at 08:15 the morning after, when the check finds a finished scan.',
      toldWhenCleared: true,
    });
    this.alarm('RemindersRefused', {
      metric: projectMetric(METRIC.remindersRefused, 'Maximum', ONE_MORNING),
      threshold: 1,
      description:
        'SES refused reminders at this morning’s scan, or they never reached it, or a body has no recipient left: the next scan sends them again. ' +
        `The reason for each is in the scan's log group ${scanLogs} (throttling, the sender not verified, a recipient not verified while in the SES sandbox). ` +
        'Clears when a morning’s scan has none.',
      toldWhenCleared: true,
    });
    this.alarm('RemindersUnconfirmed', {
      metric: projectMetric(METRIC.remindersUnconfirmed, 'Maximum', ONE_MORNING),
      threshold: 1,
      description:
        'SES may have sent reminders without saying so (its answer was lost or late): they are never sent again blindly. SES’s events usually settle them within minutes; ' +
        `if RemindersUnsettled follows, check them in SES’s sending history. Each is in the scan's log group ${scanLogs}.`,
      toldWhenCleared: true,
    });
    this.alarm('RemindersUnsettled', {
      metric: projectMetric(METRIC.remindersUnsettled, 'Maximum', ONE_MORNING),
      threshold: 1,
      description:
        `Reminders claimed over an hour ago are still not known to be sent or refused, and SES’s events have not settled them. The scan's log group ${scanLogs} lists them ` +
        '("Reminders not known to be sent or refused"). Check each in SES’s sending history or with the office, then set its ledger entry in the table to sent, ' +
        'or to failed for the next scan to send it (npm run cli -- settle does this on a local stack).',
      toldWhenCleared: true,
    });
    this.alarm('UploadsFailed', {
      metric: projectMetric(METRIC.uploadsFailed, 'Sum', EVENTS_WINDOW),
      threshold: 1,
      description:
        'An upload could not be read (empty, corrupt, encrypted, too large, or not a report) and is recorded as failed with its reason; the file stays in the bucket. ' +
        'Its uploader sees why on the upload page: upload a readable copy, or the report as text.',
      toldWhenCleared: false,
    });
    this.alarm('RecipientsSuppressed', {
      metric: projectMetric(METRIC.recipientsSuppressed, 'Sum', EVENTS_WINDOW),
      threshold: 1,
      description:
        'SES said a recipient bounced for good or complained: FiftySix no longer emails them, and their body’s history says who and why. ' +
        'An administrator should give the body a working address in its place (PUT /api/bodies/{body}, or the configuration file), ' +
        'or, once the address works again, send {"emailAgain": ["<address>"]} to PUT /api/bodies/{body}.',
      toldWhenCleared: false,
    });
    this.alarm('BodiesWithoutRecipients', {
      metric: projectMetric(METRIC.bodiesWithoutRecipients, 'Sum', EVENTS_WINDOW),
      threshold: 1,
      description:
        'A body has no recipient left that its reminders can reach: every address bounced or complained, and its reminders are refused until it has one. ' +
        'An administrator must give it a working address now (PUT /api/bodies/{body}, or the configuration file).',
      toldWhenCleared: false,
    });
    if (discovery) {
      this.alarm('DiscoverySourcesFailing', {
        metric: projectMetric(METRIC.discoverySourcesFailing, 'Maximum', DISCOVERY_WINDOW),
        threshold: 1,
        description:
          'A discovery source failed, or listed nothing discovery could read, on three runs in a row: new publications on it are not being found. ' +
          `The log group ${discovery.logs.logGroupName} names the source and what went wrong ("A discovery source failed or listed nothing"). ` +
          'Check the site; if its markup changed, fix that source’s adapter in shared/discovery. Clears after a run that reads it again.',
        // No run at night or at the weekend is no news: the alarm keeps its state until the next run.
        treatMissingData: TreatMissingData.IGNORE,
        toldWhenCleared: true,
      });
    }
    const reputation = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    this.alarm('SesBounceRate', {
      metric: reputation('Reputation.BounceRate'),
      threshold: SES_REPUTATION_LIMITS.bounceRate,
      description:
        'The account’s SES bounce rate has reached 2.5 %; AWS reviews an account at 5 % and may stop it sending. Replace the addresses that bounce ' +
        '(RecipientsSuppressed names them; each body’s history says which) and check the recipients in the configuration file.',
      toldWhenCleared: true,
    });
    this.alarm('SesComplaintRate', {
      metric: reputation('Reputation.ComplaintRate'),
      threshold: SES_REPUTATION_LIMITS.complaintRate,
      description:
        'The account’s SES complaint rate has reached 0.05 %; AWS reviews an account at 0.1 % and may stop it sending. Ask the offices whose addresses complained ' +
        '(each body’s history says which) whether those people should receive the reminders, and take them off if not.',
      toldWhenCleared: true,
    });
  }

  private alarm(name: string, { metric, threshold, description, treatMissingData, toldWhenCleared }: OperatorAlarm): Alarm {
    const alarm = new Alarm(this, name, {
      alarmName: `${Stack.of(this).stackName}-${name}`,
      alarmDescription: description,
      metric,
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    const tell = new SnsAction(this.topic);
    alarm.addAlarmAction(tell);
    if (toldWhenCleared) alarm.addOkAction(tell);
    this.alarms.push(alarm);
    return alarm;
  }
}
