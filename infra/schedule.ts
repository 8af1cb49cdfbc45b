import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { acknowledgeWildcards, underArn } from './nag';
import type { ProjectFunction } from './project-function';

/**
 * Starts a function on a schedule in London time, as EventBridge Scheduler keeps the time zone, handing
 * it the time the run was meant for: a late retry still counts days as at that moment.
 */
export function runOnSchedule(target: ProjectFunction, schedule: { expression: string; timeZone: string }, description: string, id = 'Daily'): Schedule {
  const run = new Schedule(target, id, {
    description,
    schedule: ScheduleExpression.expression(schedule.expression, TimeZone.of(schedule.timeZone)),
    target: new LambdaInvoke(target.function, {
      input: ScheduleTargetInput.fromObject({
        scheduledTime: ContextAttribute.scheduledTime,
        executionId: ContextAttribute.executionId,
      }),
      // These retries cover only handing the event to Lambda (throttling, an outage); a run that
      // cannot start the same day is better left to the dead-letter queue and a person.
      retryAttempts: 20,
      maxEventAge: Duration.hours(12),
      // One queue to watch per function, whether the scheduler could not start it or it failed after starting.
      deadLetterQueue: target.deadLetters ?? undefined,
    }),
  });
  // The scheduler's role is made by CDK at the stack's root, one per target function.
  acknowledgeWildcards(Stack.of(target), {
    [`Resource::${underArn(target.function, ':*')}`]: 'CDK’s grantInvoke also covers this function’s versions and aliases; no other function',
  });
  return run;
}
