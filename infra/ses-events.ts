import { Duration, Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { HANDLER_ENTRIES } from '../functions/commons/wiring';
import { grantTableAccess } from './access';
import { encryptedTopic } from './encrypted-topic';
import type { Storage } from './fiftysix-stack';
import { ProjectFunction } from './project-function';

interface SesEventsProps {
  storage: Storage;
  environment: Record<string, string>;
}

/**
 * What SES says of each reminder after it took it. The deadline scan sends through this
 * configuration set, whose events go to an SNS topic: whether each email was sent and delivered,
 * bounced, complained of, rejected, could not be rendered or is delayed. The ses-events function
 * reads them: it settles the reminders in the ledger and stops emailing recipients that bounced for
 * good or complained.
 */
export class SesEvents extends Construct {
  readonly configurationSet: ConfigurationSet;
  /** What SendEmail must be allowed on, besides the sender's identity, to send through the configuration set. */
  readonly configurationSetArn: string;
  readonly topic: Topic;
  readonly function: ProjectFunction;

  constructor(scope: Construct, id: string, { storage, environment }: SesEventsProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'Reminders');
    this.configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    this.topic = encryptedTopic(this, 'Topic', { displayName: 'What SES says of each reminder', publisher: 'ses.amazonaws.com' });
    this.configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(this.topic),
      // Opens and clicks would need tracking links and pixels in the reminders; subscriptions, a list to leave.
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.RENDERING_FAILURE,
        EmailSendingEvent.DELIVERY_DELAY,
      ],
    });

    this.function = new ProjectFunction(this, 'Settle', {
      entry: HANDLER_ENTRIES.sesEvents,
      description: 'Settles reminders in the ledger from what SES says of them, and stops emailing recipients that bounced or complained',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment,
    });
    // Reads the ledger entries an email carried and updates them; reads a body, and updates its
    // suppressed recipients with the audit event in a transaction.
    grantTableAccess(this.function.function, storage.table, { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] });
    // SNS hands each event to Lambda, which retries a failure twice: one queue keeps what SNS could
    // not hand over and what still failed after, so there is one place to look.
    this.topic.addSubscription(new LambdaSubscription(this.function.function, { deadLetterQueue: this.function.deadLetters ?? undefined }));
  }
}
