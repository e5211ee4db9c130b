// dbt-cloud-ts/validate: checks answers against the spec the package ships, to catch where the real API and the
// spec (and so the types) disagree. A subpath of its own, so the JSON Schema validator and the schemas stay out of
// the main entry. Like the main entry it imports no Node built-in.
export { responseValidation } from './middleware.js';
export type { ResponseValidationOptions, ViolationContext } from './middleware.js';
export { ResponseValidationError } from './errors.js';
export { checkResponse } from './validator.js';
export type { ResponseViolation, ResponseToCheck } from './validator.js';
export { checkSpec } from './spec-check.js';
export type { SpecCheckOptions, SpecCheckEntry, SpecCheckReport } from './spec-check.js';
