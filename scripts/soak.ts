// npm run soak [-- --operations 2000 --fault-rate 0.2 --seed 20261123 --concurrency 16 --verbose]
// Runs the soak (test/support/soak.ts), prints one summary line, and exits non-zero on any violation:
// an operation lost (neither returned nor threw a typed error), a duplicate trigger, an unhandled rejection, a hang,
// or no fault injected at all.
import { parseArgs } from 'node:util';
import { runSoak } from '../test/support/soak.js';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '2000' },
    'fault-rate': { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '20261123' },
    concurrency: { type: 'string', default: '16' },
    verbose: { type: 'boolean', default: false },
  },
});

const number = (name: string, text: string, min: number, max: number) => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`soak: --${name} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
};

const result = await runSoak({
  operations: Math.round(number('operations', values.operations, 1, 1_000_000)),
  faultRate: number('fault-rate', values['fault-rate'], 0, 1),
  seed: Math.round(number('seed', values.seed, 0, 2 ** 32 - 1)),
  concurrency: Math.round(number('concurrency', values.concurrency, 1, 256)),
});

console.log(result.line);
const violation = !result.ok || result.faultsInjected === 0;
if (values.verbose || violation) {
  const { line: _line, ...details } = result;
  console.error(JSON.stringify(details, null, 2));
}
process.exit(violation ? 1 : 0);
