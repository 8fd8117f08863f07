import { Invalid, NotFound, Unavailable } from '../../src/domain/errors.js';
import { SuiteNotFound, UnsafeSuite } from '../runner/api-suite.js';
import { TooManyRuns } from '../runner/eval-launcher.js';
import { UnknownTags } from '../runner/suite-tags.js';
import { displayPath, SuiteError } from '../suite-error.js';

/**
 * Why a suite could not start, as the one problem+json: a bad suite is the strategist's 400 with its line
 * (the upload's temporary path never shown), an unknown name a 404, a full launcher a 503.
 */
export function suiteFailure(err: unknown): unknown {
  if (err instanceof SuiteError) {
    const where = err.line === undefined ? 'suite' : `suite line ${err.line}`;
    const detail = err.message.replace(displayPath(err.file), 'suite');
    return new Invalid(`the suite is not valid: ${detail}`, [{ path: where, message: detail }]);
  }
  if (err instanceof UnsafeSuite) return new Invalid(err.message);
  if (err instanceof UnknownTags) return new Invalid(err.message, [{ path: 'filter', message: err.message }]);
  if (err instanceof SuiteNotFound) return new NotFound(err.message);
  if (err instanceof TooManyRuns) return new Unavailable(err.message);
  return err;
}
