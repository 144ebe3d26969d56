// Fair shares of a budget, for both renderers: Slack shares blocks and characters between the parts of a message
// and the replies on the Home tab, Teams shares a card's bytes between its parts.

/** Caps that share `available`: small needs get all they need, the big ones split what is left evenly. */
export function fairCaps(needs: number[], available: number): number[] {
  let remaining = available;
  let count = needs.length;
  let cap = 0;
  for (const need of [...needs].sort((a, b) => a - b)) {
    if (need * count > remaining) {
      cap = Math.floor(remaining / count);
      break;
    }
    remaining -= need;
    count--;
    cap = need;
  }
  return needs.map((need) => Math.min(need, cap));
}
