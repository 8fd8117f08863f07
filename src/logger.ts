import { type DestinationStream, pino } from 'pino';

/** Structured JSON logs; the paths listed are censored wherever they appear in a log object. */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'nof1' },
      redact: { paths: ['req.headers.authorization', '*.authorization', 'body', '*.body'], censor: '[REDACTED]' },
    },
    destination,
  );
}
