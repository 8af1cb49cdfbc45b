import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { ReminderEmail } from '../../shared/reminder-email';

/** The SES v2 adapter: sends one reminder, with its plain-text and HTML parts, from the configured identity. */
export class ReminderMailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly senderAddress: string,
  ) {}

  async send(recipients: string[], email: ReminderEmail): Promise<string> {
    const response = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.senderAddress,
        Destination: { ToAddresses: recipients },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    return response.MessageId ?? '';
  }
}
