import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** cdk-nag names a wildcard under a resource's ARN after its logical id, e.g. `<StorageReports1A2B3C4D.Arn>/index/*`. */
export function underArn(resource: IConstruct, suffix: string): string {
  return `<${Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>${suffix}`;
}

/** Acknowledges each cdk-nag IAM5 finding by name, so a new wildcard is still reported. */
export function acknowledgeWildcards(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [finding, reason] of Object.entries(reasons)) {
    Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
}
