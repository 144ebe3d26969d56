// Digest schedules as people say them ("weekly mon 09:00", "daily 8:30", "weekdays 9am", "monthly 1 09:00") or
// as a cron expression, turned into the cron expression the scheduler runs.

const DAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

export const DEFAULT_SCHEDULE = '0 9 * * 1';

/** "09:00", "9:30", "9am", "2pm", "14h", "14h30" → hour and minute, or null. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2})(?:[:.](\d{2})|h(\d{2})?)?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? match[3] ?? 0);
  const half = match[4]?.toLowerCase();
  // "13pm" and "0am" are not times.
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/**
 * The cron expression for a schedule phrase, or null when the words are not one. A cron expression given as is
 * comes back unchanged (it is checked elsewhere).
 */
export function scheduleToCron(phrase: string): string | null {
  const words = phrase
    .trim()
    .toLowerCase()
    .replace(/\s+at\s+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return DEFAULT_SCHEDULE;
  if (words.length === 5 && words.every((word) => /^[\d*/,\-a-z]+$/.test(word)) && /[\d*]/.test(words[0] ?? '')) {
    return words.join(' ');
  }
  const [kind = '', ...rest] = words;
  // A word that can only be a time ("09:00", "9am") wins; a bare number is the time too, except that after
  // "monthly" the first one is the day ("monthly 1 09:00", "monthly 15 9").
  const explicit = rest.findIndex((word) => /\D/.test(word) && parseTime(word) !== null);
  const bare = rest.flatMap((word, index) => (/^\d+$/.test(word) && parseTime(word) !== null ? [index] : []));
  const timeIndex = explicit >= 0 ? explicit : ((kind === 'monthly' ? bare[1] : bare[0]) ?? -1);
  const time = timeIndex >= 0 ? parseTime(rest[timeIndex] ?? '') : { hour: 9, minute: 0 };
  if (!time) return null;
  const others = rest.filter((_, index) => index !== timeIndex);
  const at = `${time.minute} ${time.hour}`;
  switch (kind) {
    case 'daily':
      return others.length === 0 ? `${at} * * *` : null;
    case 'weekdays':
      return others.length === 0 ? `${at} * * 1-5` : null;
    case 'weekly': {
      const days = others.length === 0 ? ['mon'] : others;
      const numbers = days.map((day) => DAYS[day.replace(/,$/, '')]);
      if (numbers.some((day) => day === undefined)) return null;
      return `${at} * * ${[...new Set(numbers)].sort().join(',')}`;
    }
    case 'monthly': {
      const day = others.length === 0 ? 1 : Number(others[0]);
      if (others.length > 1 || !Number.isInteger(day) || day < 1 || day > 28) return null;
      return `${at} ${day} * *`;
    }
    default: {
      // "mon 09:00" without "weekly"
      const day = DAYS[kind];
      return day !== undefined && others.length === 0 ? `${at} * * ${day}` : null;
    }
  }
}
