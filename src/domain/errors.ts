export type FieldError = { path: string; message: string };

/** Base of every error the service means to answer with; anything else is a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

export class Invalid extends HttpError {
  constructor(detail: string, errors?: FieldError[]) {
    super(400, 'Bad Request', detail, errors);
  }
}
export class Unauthorized extends HttpError {
  constructor(detail = 'a valid bearer key is required') {
    super(401, 'Unauthorized', detail);
  }
}
export class Forbidden extends HttpError {
  constructor(detail: string) {
    super(403, 'Forbidden', detail);
  }
}
export class NotFound extends HttpError {
  constructor(detail: string) {
    super(404, 'Not Found', detail);
  }
}
export class Conflict extends HttpError {
  constructor(detail: string) {
    super(409, 'Conflict', detail);
  }
}
/** Well-formed but naming something that does not exist here (an unknown programme). */
export class Unprocessable extends HttpError {
  constructor(detail: string, errors?: FieldError[]) {
    super(422, 'Unprocessable Content', detail, errors);
  }
}
export class TooLarge extends HttpError {
  constructor(limit: number) {
    // In KiB: a long run of digits would read as an identifier to the redaction every detail goes through.
    super(413, 'Payload Too Large', `the request body is larger than ${Math.floor(limit / 1024)} KiB`);
  }
}
export class Unavailable extends HttpError {
  constructor(detail: string) {
    super(503, 'Service Unavailable', detail);
  }
}
export class TooManyRequests extends HttpError {
  constructor(
    detail: string,
    /** Whole seconds until a retry can succeed: the Retry-After header. */
    readonly retryAfter: number,
  ) {
    super(429, 'Too Many Requests', detail);
  }
}
