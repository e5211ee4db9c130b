// Times as the dbt Cloud API writes them.

/** `2021-12-07 10:32:24.326000+00:00`: a space, microseconds, an explicit offset. */
export function apiTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2021-12-07T10:32:24.326Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00:00`;
}

/** `HH:MM:SS`. */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** `12 minutes, 47 seconds`. */
export function humanDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return plural(seconds, 'second');
  return seconds === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')}, ${plural(seconds, 'second')}`;
}

/** `3 minutes ago`. */
export function humanAgo(ms: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minutes ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} hours ago`;
  return `${Math.floor(seconds / 86_400)} days ago`;
}
