import { systemClock } from '../src/composition/system-clock';
import { ExtendPrimes } from '../src/domain/use-cases/extend-primes';
import type { PrimeRepository } from '../src/ports/prime-repository';
import { summarizeCosts, type CommandCostLog } from './command-costs';
import type { BenchRow } from './harness';

/** Primes added on top of the store: "a few", well inside the store's last chunk. */
const FEW = 10;

/**
 * Extends a store by a few primes through the ExtendPrimes use case, as a request that needs
 * them would, and reports the calls it made: the goal is one chunk read and at most two chunk
 * writes. The reference is the ancestor's cost for the same primes: one write unit each.
 */
export async function smallExtensionRows(
  repository: PrimeRepository,
  costs: CommandCostLog,
  storeLabel: string,
): Promise<BenchRow[]> {
  const { count } = await repository.reach();
  costs.clear();
  const outcome = await new ExtendPrimes(repository, systemClock).execute({ count: count + FEW });
  if (outcome.added !== FEW) throw new Error(`added ${outcome.added} primes, not ${FEW}`);
  const cost = summarizeCosts(costs.commands);
  const figure = (what: string) => `+${FEW} primes on ${storeLabel}: ${what}`;
  const calls = costs.commands.map((command) => command.name).join(', ');
  return [
    { figure: figure('chunk reads'), ours: cost.chunkReads, unit: '', goal: '1' },
    { figure: figure('chunk writes'), ours: cost.chunkWrites, unit: '', goal: '<= 2' },
    {
      figure: figure('write units'),
      ours: cost.writeUnits,
      reference: FEW,
      referenceName: `ancestor: ${FEW} PutItems of one prime`,
      unit: 'WCU',
    },
    { figure: figure('read units'), ours: cost.readUnits, unit: 'RCU' },
    { figure: figure(`calls (${calls})`), ours: cost.calls, unit: '' },
  ];
}
