import type { Logger } from 'pino';
import type { SubgraphName } from '../config';
import { EventConsumer, type EventHandler } from '../db/events';
import type { SubgraphDeps } from './service';

/**
 * A subgraph's consumer of another subgraph's domain events (lib/db/events.ts): the feed's address
 * from the settings (EVENTS_<NAME>_URL; the stack fills it in), the position and everything the
 * handlers write in the consumer's own database, requests signed like the gateway's when
 * SUBGRAPH_SIGNING_SECRET is set.
 */
export function eventConsumer(
  deps: SubgraphDeps,
  consumer: SubgraphName,
  producer: SubgraphName,
  handlers: Record<string, EventHandler>,
  logger?: Logger,
): EventConsumer {
  return new EventConsumer({
    consumer,
    producer,
    db: deps.db,
    url: () => deps.settings.eventFeedUrl?.(producer),
    handlers,
    signingSecret: deps.signingSecret,
    logger,
  });
}
