import { describe, expect, it } from 'vitest';
import { type SesEvent, sesEventEffects } from '../../shared/ses-events';

const mail = { messageId: 'm-1', timestamp: '2026-12-01T06:00:01Z', destination: ['a@x.test', 'b@x.test'], tags: { 'fiftysix-email': ['e-1'] } };
const bounce = (bounceType: string): SesEvent => ({
  eventType: 'Bounce',
  mail,
  bounce: {
    bounceType,
    bounceSubType: 'General',
    timestamp: '2026-12-01T06:00:05Z',
    bouncedRecipients: [{ emailAddress: 'a@x.test', diagnosticCode: 'smtp; 550' }],
  },
});

describe('what an SES event means', () => {
  it('counts every event but a rejection as SES having taken the email', () => {
    expect(sesEventEffects({ eventType: 'Send', mail }).settles).toEqual({ status: 'sent', messageId: 'm-1', recipients: ['a@x.test', 'b@x.test'] });
    expect(sesEventEffects(bounce('Permanent')).settles).toMatchObject({ status: 'sent' });
    expect(sesEventEffects({ eventType: 'Reject', mail, reject: { reason: 'Bad content' } }).settles).toEqual({
      status: 'rejected',
      reason: 'SES rejected the email: Bad content',
    });
    expect(sesEventEffects({ eventType: 'Open', mail }).settles).toBeNull();
  });

  it('suppresses an address that bounced for good or complained, not one whose mailbox was only full', () => {
    expect(sesEventEffects(bounce('Permanent')).suppress).toEqual([
      { address: 'a@x.test', reason: 'bounce', at: '2026-12-01T06:00:05Z', detail: 'Permanent: General: smtp; 550' },
    ]);
    const transient = sesEventEffects(bounce('Transient'));
    expect(transient.suppress).toEqual([]);
    expect(transient.recipients).toEqual([expect.objectContaining({ address: 'a@x.test', outcome: 'bounced' })]);
    const complaint = sesEventEffects({
      eventType: 'Complaint',
      mail,
      complaint: { timestamp: '2026-12-01T07:00:00Z', complainedRecipients: [{ emailAddress: 'b@x.test' }] },
    });
    expect(complaint.suppress).toEqual([{ address: 'b@x.test', reason: 'complaint', at: '2026-12-01T07:00:00Z', detail: null }]);
  });

  it('records deliveries and delays per recipient', () => {
    expect(sesEventEffects({ eventType: 'Delivery', mail, delivery: { timestamp: 't', recipients: ['a@x.test'] } }).recipients).toEqual([
      { address: 'a@x.test', outcome: 'delivered', at: 't' },
    ]);
    expect(
      sesEventEffects({
        eventType: 'DeliveryDelay',
        mail,
        deliveryDelay: { timestamp: 't', delayType: 'MailboxFull', delayedRecipients: [{ emailAddress: 'b@x.test' }] },
      }).recipients,
    ).toEqual([{ address: 'b@x.test', outcome: 'delayed', at: 't', detail: 'MailboxFull' }]);
  });
});
