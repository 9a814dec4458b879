import { Logger } from '@aws-lambda-powertools/logger';
import { handler as inner } from '../src/composition/lambda-entry';
const logger = new Logger({ serviceName: 'primes' });
export const handler = async (event: unknown, context: never) => {
  logger.info('x');
  return inner(event, context);
};
