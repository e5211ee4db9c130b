// An openapi-fetch middleware that checks every 2xx JSON answer against the bundled spec. It sits on `dbt.api`,
// which the helpers (dbt.runs, dbt.jobs, ...) send through too, so their answers are checked as well.
import type { Middleware } from 'openapi-fetch';
import { ResponseValidationError } from './errors.js';
import { checkResponse, needsBody, type ResponseViolation } from './validator.js';

export interface ViolationContext {
  /** `METHOD /path/template`. */
  operation: string;
  /** The request's URL path (ids filled in, no query string). */
  path: string;
  status: number;
}

export interface ResponseValidationOptions {
  /**
   * `warn` (default): report and carry on, the caller gets the data. `throw`: the call fails with a
   * ResponseValidationError instead of returning data the types would misdescribe.
   */
  mode?: 'warn' | 'throw';
  /** Receives the violations of one answer (in both modes). Default in `warn` mode: one `console.warn` line each. */
  onViolation?: (violations: ResponseViolation[], context: ViolationContext) => void;
}

/**
 * `dbt.api.use(responseValidation({ mode: 'warn' }))`: checks answers against the spec the package ships.
 * Only answers openapi-fetch parses as JSON (the default `parseAs`) and only 2xx statuses are checked: error answers
 * keep their own typed errors, and streamed or text downloads are left alone.
 */
export function responseValidation(options: ResponseValidationOptions = {}): Middleware {
  const mode = options.mode ?? 'warn';
  if (mode !== 'warn' && mode !== 'throw') throw new TypeError(`responseValidation: mode must be 'warn' or 'throw'`);
  const report =
    options.onViolation ??
    ((violations: ResponseViolation[]) => {
      for (const violation of violations)
        console.warn(`dbt-cloud-ts: response differs from the spec: ${violation.message}`);
    });
  return {
    async onResponse({ request, response, schemaPath, options: fetchOptions }) {
      if (fetchOptions.parseAs !== 'json') return undefined;
      const method = request.method.toUpperCase();
      const status = response.status;
      const contentLength = response.headers.get('Content-Length');
      const contentType = response.headers.get('Content-Type');
      if (status === 204 || method === 'HEAD') return undefined;
      if (!needsBody(method, schemaPath, status)) {
        // Still worth a look without reading the body: a 2xx status or a content type the spec does not declare.
        return settle(checkResponse({ method, template: schemaPath, status, contentType, body: undefined }));
      }
      let body: unknown;
      const text = contentLength === '0' ? '' : await response.clone().text();
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON: openapi-fetch's own parse fails next and the client raises ResponseFormatError for it.
        return undefined;
      }
      return settle(checkResponse({ method, template: schemaPath, status, contentType, body }));

      function settle(violations: ResponseViolation[]): undefined {
        if (violations.length === 0) return undefined;
        const path = new URL(request.url).pathname;
        const context = { operation: `${method} ${schemaPath}`, path, status };
        if (mode === 'throw') {
          options.onViolation?.(violations, context);
          throw new ResponseValidationError(violations, { method, path, status });
        }
        report(violations, context);
        return undefined;
      }
    },
  };
}
