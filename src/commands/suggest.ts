import { editDistance } from '../domain/edit-distance.ts';

/** The candidates closest to what was typed (a typo or a prefix), best first. */
export function closestWords(typed: string, candidates: readonly string[], max = 3): string[] {
  const word = typed.toLowerCase();
  const allowed = word.length <= 4 ? 1 : 2;
  return candidates
    .map((candidate) => ({
      candidate,
      distance: candidate.startsWith(word) && word.length >= 2 ? 0 : editDistance(word, candidate, allowed),
    }))
    .filter((item) => item.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((item) => item.candidate);
}

/** "a, b or c" */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
