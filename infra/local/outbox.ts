/** What the local SES emulator holds: every email the stack has sent since it started. */
export interface OutboxEmail {
  /** The id SES answered with, as the ledger records it. */
  messageId: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  at: number;
}

interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function readOutbox(inboxUrl: string): Promise<OutboxEmail[]> {
  const response = await fetch(new URL('store', inboxUrl));
  if (!response.ok) throw new Error(`The local SES inbox at ${inboxUrl} answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.map((email) => ({
    messageId: email.messageId,
    to: email.destination.to,
    from: email.from,
    subject: email.subject,
    text: email.body.text ?? '',
    html: email.body.html ?? '',
    at: email.at,
  }));
}

export async function clearOutbox(inboxUrl: string): Promise<void> {
  const response = await fetch(new URL('clear-store', inboxUrl), { method: 'POST' });
  if (!response.ok) throw new Error(`The local SES inbox at ${inboxUrl} did not clear: ${response.status}`);
}
