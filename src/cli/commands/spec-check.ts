// `dbt-cloud spec check`: reads the account with GET requests only and reports where the real answers differ from
// the spec this package ships (and so from its types). Exit 0 when they match, 1 when they do not.
import type { Command } from 'commander';
import type { SpecCheckEntry, SpecCheckReport } from '../../validate-responses/index.js';
import { action, examples, exitCodesOf } from '../command.js';
import { UsageError } from '../output.js';

/** Exit status when at least one answer differs from the spec. */
export const driftExitCode = 1;

const positive = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function progressLine(entry: SpecCheckEntry): string {
  if (entry.outcome === 'skipped') return `- ${entry.operation}: skipped, ${entry.reason}`;
  const mark = entry.violations === 0 ? '✓' : '✗';
  const found = entry.violations === 0 ? '' : `, ${plural(entry.violations, 'difference')}`;
  return `${mark} ${entry.operation}: ${entry.status}${found}`;
}

/** The differences as a table: operation, JSON path, expected type, seen type. */
export function formatSpecReport(report: SpecCheckReport): string {
  const checked = report.entries.filter((entry) => entry.outcome === 'checked').length;
  const skipped = report.entries.length - checked;
  const summary =
    `${plural(checked, 'operation')} checked with ${report.requests} GET requests, ${skipped} skipped: ` +
    (report.ok ? 'every answer matches the spec' : `${plural(report.violations.length, 'difference')} from the spec`);
  if (report.ok) return summary;
  const header = ['OPERATION', 'STATUS', 'PATH', 'EXPECTED', 'SEEN'];
  const rows = report.violations.map((v) => [
    v.operation,
    String(v.status),
    v.path,
    v.expected,
    v.occurrences > 1 ? `${v.seen} (${v.occurrences}×)` : v.seen,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), '', summary].join('\n');
}

/** Adds `spec check` (and the `spec` group when the program has none yet). */
export function registerSpecCheck(program: Command): void {
  const spec =
    program.commands.find((command) => command.name() === 'spec') ??
    examples(
      program.command('spec').description('compare the real API with the spec this package ships'),
      'dbt-cloud spec check',
      'dbt-cloud spec check --max-requests 300 --json > drift.json',
    );
  const check = spec.command('check');
  exitCodesOf(check, false);
  check
    .description('read the account with GET requests only and report where answers differ from the spec')
    .option('--max-requests <n>', 'most requests to send (default 100)', positive('--max-requests'))
    .option('--page-size <n>', 'items asked of each list (default 10)', positive('--page-size'))
    .addHelpText(
      'after',
      `
Sends only GET requests: every list of the account, then the first item of each list through its get
operation. Reports each difference as operation, JSON path, expected and seen type; never a value.

Examples:
  $ DBT_CLOUD_API_TOKEN=... DBT_CLOUD_ACCOUNT_ID=43786 dbt-cloud spec check
  $ dbt-cloud spec check --json > drift.json

Exit codes:
  0  every answer checked matches the spec
  1  at least one answer differs from the spec
  4  usage or configuration error
  5  API or network error (for example a rejected token)`,
    )
    .action(
      action(async ({ out, client }, options: { maxRequests?: number; pageSize?: number }) => {
        const { checkSpec } = await import('../../validate-responses/index.js');
        const report = await checkSpec(client(), {
          ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
          ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
          onProgress: (entry) => out.info(progressLine(entry)),
        });
        out.result(report, () => formatSpecReport(report));
        return report.ok ? 0 : driftExitCode;
      }),
    );
}
