import { Connection, ConnectionOptions, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

type Interceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/**
 * No request waits on Temporal longer than this: a call without its own deadline gets this one, so
 * an Update whose workflow cannot answer (worker gone, server stalled) ends in 503 TEMPORAL_UNAVAILABLE
 * instead of holding the HTTP request open. Generous, because an Update answers only after its
 * workflow has acted, activities included, and a loaded machine may take seconds for that.
 */
export const TEMPORAL_CALL_DEADLINE_MS = 15_000;

/** Gives every call that has none a deadline `ms` from its start; retries stay inside it. */
export function callDeadline(ms: number): Interceptor {
  // gRPC chains any call object an interceptor returns; its type names the class from @grpc/grpc-js,
  // which is the SDK's dependency, not ours, so the next interceptor's call is passed on as is.
  return (options, nextCall) => nextCall({ ...options, deadline: options.deadline ?? Date.now() + ms }) as ReturnType<Interceptor>;
}

/**
 * The API's connection to Temporal. While the server is down a call fails within about two seconds
 * (5 attempts with backoff instead of the SDK's 10, about 20 seconds), and once it is back the
 * channel reconnects within two seconds (gRPC's reconnect backoff otherwise grows to two minutes).
 */
export function connectionOptions(address: string): ConnectionOptions {
  return {
    address,
    interceptors: [callDeadline(TEMPORAL_CALL_DEADLINE_MS), makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 5 }))],
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 2_000 },
  };
}

export function connectTemporal(address: string): Promise<Connection> {
  return Connection.connect(connectionOptions(address));
}
