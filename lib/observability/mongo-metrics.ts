import type { CommandFailedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import type { Metrics } from './metrics';

/**
 * Database command latency from the driver's command monitoring (the client must be created with
 * monitorCommands: true, as connectMongo does when asked).
 */
export function recordMongoCommands(client: MongoClient, metrics: Metrics, service: string): () => void {
  const ok = (e: CommandSucceededEvent) => metrics.dbCommandDuration.observe({ service, command: e.commandName, outcome: 'ok' }, e.duration / 1000);
  const failed = (e: CommandFailedEvent) => metrics.dbCommandDuration.observe({ service, command: e.commandName, outcome: 'error' }, e.duration / 1000);
  client.on('commandSucceeded', ok);
  client.on('commandFailed', failed);
  return () => {
    client.off('commandSucceeded', ok);
    client.off('commandFailed', failed);
  };
}
