import fc from 'fast-check';
import { benchOptionProperty } from './support/option-fuzz';

it('answers arbitrary test arguments with exit 0 or 254 and one-line errors, or accepts only usable values (fuzz)', async () => {
  await fc.assert(benchOptionProperty, { numRuns: 300 });
});
