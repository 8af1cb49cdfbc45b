import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { encryptedTopic } from './encrypted-topic';

/**
 * What SES says of each reminder after it took it. The deadline scan sends through this
 * configuration set, whose events go to an SNS topic: whether each email was sent and delivered,
 * bounced, complained of, rejected, could not be rendered or is delayed.
 */
export class SesEvents extends Construct {
  readonly configurationSet: ConfigurationSet;
  /** What SendEmail must be allowed on, besides the sender's identity, to send through the configuration set. */
  readonly configurationSetArn: string;
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
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
  }
}
