import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';
import { SpanKind, SpanStatusCode, trace, tracer, type Span } from './tracing';

/**
 * One client span per MongoDB command, from the driver's command monitoring (the client must be
 * created with monitorCommands: true). A command is traced only inside a traced request: the
 * started event is emitted in the caller's async context, so the request's span is its parent.
 */
export function traceMongoCommands(client: MongoClient): () => void {
  const open = new Map<string, Span>();
  const key = (e: { requestId: number; connectionId?: string | number }) => `${e.connectionId}:${e.requestId}`;
  const started = (e: CommandStartedEvent) => {
    if (!trace.getActiveSpan()?.isRecording()) return;
    const target = (e.command as Record<string, unknown>)[e.commandName];
    const span = tracer().startSpan(`mongodb ${e.commandName}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'mongodb',
        'db.namespace': e.databaseName,
        'db.operation.name': e.commandName,
        ...(typeof target === 'string' ? { 'db.collection.name': target } : {}),
      },
    });
    open.set(key(e), span);
  };
  const succeeded = (e: CommandSucceededEvent) => {
    open.get(key(e))?.end();
    open.delete(key(e));
  };
  const failed = (e: CommandFailedEvent) => {
    const span = open.get(key(e));
    if (!span) return;
    span.setStatus({ code: SpanStatusCode.ERROR, message: e.failure.message });
    span.end();
    open.delete(key(e));
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', succeeded);
  client.on('commandFailed', failed);
  return () => {
    client.off('commandStarted', started);
    client.off('commandSucceeded', succeeded);
    client.off('commandFailed', failed);
  };
}
