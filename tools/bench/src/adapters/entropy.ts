/** A fresh seed for runs without --seed: the one place the bench draws real randomness. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
