import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per cold start. Its service name is POWERTOOLS_SERVICE_NAME, which every
 * function is given (infra/project-function.ts) and the local stack sets to tell its logs apart.
 */
export const logger = new Logger();
