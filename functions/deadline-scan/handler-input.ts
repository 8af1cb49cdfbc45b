import * as z from 'zod/mini';

/**
 * What EventBridge Scheduler hands the deadline scan and its morning check: it fills in
 * `<aws.scheduler.scheduled-time>`, so a retried invocation still runs as at the moment it was meant for.
 */
export const scheduledScanEventSchema = z.object({
  scheduledTime: z.iso.datetime({ offset: true }),
  executionId: z.optional(z.string()),
});
