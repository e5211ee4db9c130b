// Which cron expressions a jobs file may hold: those dbt-jobs-as-code takes (it asks croniter 1.4, the version its
// lock file pins), so a file valid for one tool is valid for the other. Five fields, or six (the sixth is seconds);
// lists, ranges, steps, month and weekday names, `L` for the last day of the month, `weekday#n` for the nth weekday,
// and the aliases @hourly, @daily, @midnight, @weekly, @monthly, @yearly and @annually.

const aliases: Record<string, string> = {
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

const fields = ['minute', 'hour', 'day of month', 'month', 'day of week', 'second'];
const ranges: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
  [0, 59],
];
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// A value of 0 in these fields means 1 (day, month), and 7 means Sunday, except where croniter keeps them as written.
const lowMap: Array<Record<string, string>> = [{}, {}, { '0': '1' }, { '0': '1' }, { '7': '0' }, {}];
const rangeStep = /^([^-]+)-([^-/]+)(\/(\d+))?$/;
const digits = /^\d+$/;

// The name tables and the nth-weekday pattern, built on first use so that importing this module does no work.
let tables: { names: Array<Record<string, string>>; nthWeekday: RegExp } | undefined;
function nameTables() {
  if (tables) return tables;
  const weekdayNames = weekdays.join('|');
  const monthNames = months.join('|');
  tables = {
    names: [
      {},
      {},
      { l: 'l' },
      Object.fromEntries(months.map((name, i) => [name, String(i + 1)])),
      Object.fromEntries(weekdays.map((name, i) => [name, String(i)])),
      {},
    ],
    // `2#3` (the third Tuesday) and `l5` (the last Friday) in the day-of-week field.
    nthWeekday: new RegExp(
      `^(?:(?:((?:(?:${weekdayNames})(?:-(?:${weekdayNames}))?)|(?:(?:${monthNames})(?:-(?:${monthNames}))?)|\\w+)#)|(l))(\\d+)$`,
    ),
  };
  return tables;
}
const randomOrHashed = /^(h|r)(\(\d+-\d+\))?(\/\d+)?$/;

class Invalid extends Error {}

/** Why a cron expression is not valid, or undefined when it is. */
export function cronProblem(expression: string): string | undefined {
  try {
    expand(expression);
    return undefined;
  } catch (error) {
    if (error instanceof Invalid) return error.message;
    throw error;
  }
}

function expand(expression: string): void {
  const { names, nthWeekday } = nameTables();
  let text = expression.toLowerCase();
  text = aliases[text] ?? text;
  const parts = text.split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 5 && parts.length !== 6) throw new Invalid('needs 5 fields (6 with seconds) or an alias');
  const nthDays = new Set<string>();
  let dayOfWeek: Set<string> | undefined;
  parts.forEach((part, index) => {
    const values = new Set<string>();
    const [low, high] = ranges[index]!;
    const bad = (why: string): never => {
      throw new Invalid(`the ${fields[index]} field ${JSON.stringify(part)} ${why}`);
    };
    const named = (value: string) =>
      names[index]![value] ?? bad(`names ${JSON.stringify(value)}, which it does not know`);
    // croniter's `h` (hashed) needs an id dbt-jobs-as-code never gives, and its `r` draws a value at random, so that
    // the same file would be valid on one run and not on the next: neither is taken.
    if (randomOrHashed.test(part)) bad('is a hashed or random value, which is not supported');
    const queue: string[] = part.split(',');
    const limit = 1000;
    while (queue.length > 0) {
      if (values.size > limit) bad('has too many values');
      let item = queue.pop()!;
      let nth: string | undefined;
      if (index === 4) {
        const special = nthWeekday.exec(item);
        if (special) {
          if (special[1] !== undefined) {
            item = special[1];
            nth = special[3]!;
            if (Number(nth) < 1 || Number(nth) > 5) bad(`asks for weekday number ${nth} of a month (1 to 5)`);
          } else {
            item = special[3]!;
            nth = 'l';
          }
        }
      }
      let normal = item.replace(/^\*(\/.+)$/, `${low}-${high}$1`);
      let match = rangeStep.exec(normal);
      if (!match) {
        normal = item.replace(/^(.+)\/(.+)$/, `$1-${high}/$2`);
        match = rangeStep.exec(normal);
      }
      if (match) {
        let from = match[1]!;
        let to = match[2]!;
        const step = match[4] ?? '1';
        if (index === 2 && to === 'l') to = '31';
        if (!digits.test(from)) from = named(from);
        if (!digits.test(to)) to = named(to);
        if (!digits.test(from) || !digits.test(to)) bad('has a range that is not of numbers');
        if (Number(from) > Number(to)) {
          if (index === 4 && to === '0') to = '7';
          else bad('has a range that runs backwards');
        }
        if (Math.max(Number(from), Number(to)) > high) bad('is out of range');
        if (Number(step) === 0) bad('has a step of 0');
        for (let value = Number(from); value <= Number(to); value += Number(step)) {
          queue.push(index === 4 && nth !== undefined && nth !== 'l' ? `${value}#${nth}` : String(value));
          if (queue.length > limit) bad('has too many values');
        }
        continue;
      }
      if (normal.startsWith('-')) bad('holds a negative number');
      let value = /^(\d+|\*)$/.test(normal) ? normal : named(normal);
      if (digits.test(value)) value = String(Number(value));
      const keepAsWritten =
        ((index === 2 || index === 3) && parts.length === 5) || ((index === 3 || index === 4) && parts.length === 6);
      if (value in lowMap[index]! && !keepAsWritten) value = lowMap[index]![value]!;
      if (value !== '*' && value !== 'l' && (Number(value) < low || Number(value) > high)) bad('is out of range');
      values.add(value);
      if (index === 4 && nth !== undefined) nthDays.add(value);
    }
    // Every value of the field listed is the same as `*`.
    if (index === 4) dayOfWeek = values.size === 7 ? new Set(['*']) : values;
  });
  if (nthDays.size > 0 && dayOfWeek) {
    const plain = [...dayOfWeek].filter((value) => !nthDays.has(value) && value !== '*');
    if (plain.length > 0) throw new Invalid('the day of week field mixes weekdays with nth-weekday values');
  }
}
