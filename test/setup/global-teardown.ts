/** Stops what global-setup started, newest first. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __lawtrail?: { stop: () => Promise<unknown> }[] }).__lawtrail ?? [];
  for (const s of started.reverse()) await s.stop();
}
