import type { CommandFailedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import type { Metrics } from './metrics';

/**
 * Database command latency from the driver's command monitoring (the client must be created with
 * monitorCommands: true, as connectMongo does by default). One client may serve several subgraphs
 * (`npm start`), so only commands on `databaseName` are counted when it is given.
 */
export function recordMongoCommands(client: MongoClient, metrics: Metrics, service: string, databaseName?: string): () => void {
  const mine = (e: { databaseName: string }) => databaseName === undefined || e.databaseName === databaseName;
  const ok = (e: CommandSucceededEvent) => mine(e) && metrics.dbCommandDuration.observe({ service, command: e.commandName, outcome: 'ok' }, e.duration / 1000);
  const failed = (e: CommandFailedEvent) =>
    mine(e) && metrics.dbCommandDuration.observe({ service, command: e.commandName, outcome: 'error' }, e.duration / 1000);
  client.on('commandSucceeded', ok);
  client.on('commandFailed', failed);
  return () => {
    client.off('commandSucceeded', ok);
    client.off('commandFailed', failed);
  };
}
