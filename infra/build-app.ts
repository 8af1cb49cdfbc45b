import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeploymentConfiguration } from '../shared/configuration';
import { FiftySixStack } from './fiftysix-stack';

export interface FiftySixAppOptions {
  configuration: DeploymentConfiguration;
  /** CDK context, e.g. `{ 'aws:cdk:bundling-stacks': [] }` to skip bundling in tests. */
  context?: Record<string, unknown>;
  /** Where the cloud assembly, and cdk-nag's validation report, are written; `cdk`'s own folder or a temporary one by default. */
  outdir?: string;
}

/**
 * The CDK app as `cdk synth` builds it, checked by cdk-nag's AWS Solutions rules: synthesis throws
 * on any finding not acknowledged, with its reason, beside the construct it concerns.
 */
export function buildFiftySixApp({ configuration, context, outdir }: FiftySixAppOptions): { app: App; stack: FiftySixStack } {
  const app = new App({
    outdir,
    context: {
      // Access logs are delivered under a bucket policy rather than an ACL, so ACLs stay disabled everywhere.
      '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
      ...context,
    },
  });
  const stack = new FiftySixStack(app, 'FiftySix', {
    description: 'FiftySix: tracks the 56 days a local policing body has to answer an HMICFRS report, and sends reminders',
    configuration,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
