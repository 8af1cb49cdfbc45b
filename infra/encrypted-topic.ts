import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

export interface EncryptedTopicProps {
  displayName: string;
  /** The AWS service that publishes to the topic: the only one, besides the account, that may use its key. */
  publisher: 'cloudwatch.amazonaws.com' | 'ses.amazonaws.com';
}

/**
 * An SNS topic encrypted with a key of its own, reached over HTTPS only. SNS's AWS-managed key will
 * not do: CloudWatch and SES can publish to an encrypted topic only when the key's policy lets them
 * use it, and an AWS-managed key's policy cannot be changed.
 */
export function encryptedTopic(scope: Construct, id: string, { displayName, publisher }: EncryptedTopicProps): Topic {
  const key = new Key(scope, `${id}Key`, {
    description: `Encrypts the FiftySix topic "${displayName}"`,
    enableKeyRotation: true,
    // The messages it protects last only until SNS delivers them: none is left to read once the stack is gone.
    removalPolicy: RemovalPolicy.DESTROY,
  });
  key.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal(publisher)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  return new Topic(scope, id, { displayName, masterKey: key, enforceSSL: true });
}
