// The mock launcher's own failure: Prism could not be started, or the mock cannot listen where it was asked to. Bad
// options, scenarios and specs are ValidationErrors, like every other bad input of the package. It lives with the
// Node-only mock, not in errors.ts, so that the main entry does not carry it; it is still a DbtCloudError, and
// dbt-cloud-ts/node exports it.
import { DbtCloudError } from '../errors.js';

export type MockServerFailure =
  /** `@stoplight/prism-cli`, an optional peer dependency, is not installed. */
  | 'prism-not-installed'
  /** The package's Prism runner (dist/src/mock/prism-runner.js) is not where the launcher looks. */
  | 'runner-missing'
  /** Prism ended before it listened; the message holds its last output. */
  | 'prism-exited'
  /** Prism did not listen within `startTimeoutMs`; it was stopped. */
  | 'prism-timeout'
  /** The mock cannot listen on the port asked for (in use, or not allowed); found before anything starts. */
  | 'port-unavailable';

export class MockServerError extends DbtCloudError {
  override name = 'MockServerError';
  constructor(
    message: string,
    readonly reason: MockServerFailure,
  ) {
    super(message);
  }
  override toJSON() {
    return { ...super.toJSON(), reason: this.reason };
  }
}
