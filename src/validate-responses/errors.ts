// The error `responseValidation({ mode: 'throw' })` raises. It names where the answer differs from the spec and
// never holds the answer itself, so logging or serialising it cannot leak what the body contained.
import { DbtCloudError } from '../errors.js';
import type { ResponseViolation } from './validator.js';

/** A 2xx answer whose body does not match the bundled spec. */
export class ResponseValidationError extends DbtCloudError {
  override name = 'ResponseValidationError';
  /** Each mismatch: operation, JSON path, expected and seen type. */
  readonly violations: ResponseViolation[];
  /** `METHOD /path/template` of the request. */
  readonly operation: string;

  constructor(violations: ResponseViolation[], request: { method: string; path: string; status: number }) {
    const first = violations[0];
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
    super(
      `${request.method} ${request.path} answered ${request.status} with a body the spec does not describe: ` +
        `${first ? `${first.path}: expected ${first.expected}, seen ${first.seen}` : 'unknown mismatch'}${more}`,
      request,
    );
    this.violations = violations;
    this.operation = first?.operation ?? `${request.method} ${request.path}`;
  }

  override toJSON() {
    return { ...super.toJSON(), operation: this.operation, violations: this.violations };
  }
}
