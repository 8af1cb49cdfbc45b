import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DirectoryTable } from '../commons/directory-table';
import { readHandlerEnvironment, requireUserPool } from '../commons/environment';
import { logger } from '../commons/logger';
import { ReportsTable } from '../commons/reports-table';
import { UploadsBucket } from '../commons/uploads-bucket';
import { UserPool } from '../commons/user-pool';
import { TokenVerifier } from './authentication';
import { apiRoutes } from './routes';

const environment = readHandlerEnvironment();
const userPoolSettings = requireUserPool(environment);
const dynamoDb = new DynamoDBClient({});
/** The issuer of the pool's tokens lives under the Cognito endpoint the SDK uses: AWS's regional one, or cognito-local's. */
const cognitoEndpoint = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? `https://cognito-idp.${process.env.AWS_REGION}.amazonaws.com`;

const routes = apiRoutes({
  reports: new ReportsTable(dynamoDb, environment.tableName),
  directory: new DirectoryTable(dynamoDb, environment.tableName),
  userPool: new UserPool(new CognitoIdentityProviderClient({}), userPoolSettings),
  // A presigned PUT carries no checksum of a body it has not seen: S3 would refuse the upload with one of an empty body.
  uploads: new UploadsBucket(new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' })),
  uploadsBucketName: environment.uploadsBucketName,
  tokens: new TokenVerifier(userPoolSettings, cognitoEndpoint),
  now: () => new Date(),
  appUrl: environment.appUrl,
});

/** API Gateway's HTTP API (payload 2.0) in AWS; the local stack's HTTP server builds the same events. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  logger.addContext(context);
  return routes.resolve(event, context);
}
