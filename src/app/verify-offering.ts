import type { Principal } from '../domain/access/policy.ts';
import type { FreshnessStore } from './freshness-store.ts';

/**
 * "The details are still right": one click records a verification, audited as 'offering.verify'. The
 * form carries the version of the texts the person looked at; if someone saved a change since, nothing
 * is recorded and the person is asked to look again (the save itself already counted as a verification).
 */
export async function verifyOffering(options: {
  store: FreshnessStore;
  now: Date;
  offering: { id: string; name: string };
  version: number;
  principal: Principal;
  source: string | null;
}): Promise<'verified' | 'conflict' | 'not_found'> {
  return options.store.verify(options.offering.id, options.version, {
    at: options.now,
    actorId: options.principal.accountId,
    actorName: options.principal.name,
    action: 'offering.verify',
    resourceType: 'offering',
    resourceId: options.offering.id,
    summary: `Bekræftede, at oplysningerne om ${options.offering.name} stadig er rigtige`,
    detail: { version: options.version },
    source: options.source,
  });
}
