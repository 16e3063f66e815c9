// Types of the plain-JS scripts the test setup imports.
declare module '*/scripts/postgres.mjs' {
  export function freePort(): Promise<number>;
  export function startPostgres(o: { dir: string; port: number; persistent: boolean }): Promise<{ url: string; stop: () => Promise<void> }>;
}
declare module '*/scripts/provision-temporal.mjs' {
  export function temporalCliPath(): Promise<string | undefined>;
  export function temporalTestServerPath(): Promise<string | undefined>;
}
