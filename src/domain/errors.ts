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
    super(413, 'Payload Too Large', `the request body is larger than ${limit} bytes`);
  }
}
export class Unavailable extends HttpError {
  constructor(detail: string) {
    super(503, 'Service Unavailable', detail);
  }
}
