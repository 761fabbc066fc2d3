/**
 * The platform's small error vocabulary. Each has a stable id, an HTTP status and whether it is worth
 * reporting to operators; http/errors.ts maps them once to a JSON problem or a Danish error page.
 */
export class AppError extends Error {
  readonly id: string = 'internal';
  readonly status: number = 500;
  readonly isReportable: boolean = true;
}

export class NotFoundError extends AppError {
  override readonly id = 'not-found';
  override readonly status = 404;
  override readonly isReportable = false;
}

export class InvalidInputError extends AppError {
  override readonly id = 'invalid-input';
  override readonly status = 400;
  override readonly isReportable = false;
  constructor(
    message: string,
    /** The query parameter or field that was wrong. */
    readonly parameter: string,
  ) {
    super(message);
  }
}

/** Signed in, but the person's roles do not allow this (a 403 page that says so in plain Danish). */
export class ForbiddenError extends AppError {
  override readonly id = 'forbidden';
  override readonly status = 403;
  override readonly isReportable = false;
}
