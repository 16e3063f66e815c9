import { EventTimeError, Step, beforeStep, inFuture } from '#libs/domain/event-time';
import { ApiException } from './api.exception';
import { labelOf } from './fields';

/** The value and Chinese label of a DTO field by its path in the request (`handedOver.at`). */
function fieldOf(dto: object, path: string): { value: string | undefined; label: string } {
  const parts = path.split('.');
  const name = parts.pop()!;
  const owner = parts.reduce<Record<string, unknown> | undefined>(
    (o, p) => o?.[p] as Record<string, unknown> | undefined,
    dto as Record<string, unknown>,
  );
  return { value: owner?.[name] as string | undefined, label: (owner && labelOf(owner, name)) || path };
}

/** Refuses with the first error, under its own code (TIME_IN_FUTURE, EVENT_BEFORE_STEP) and field. */
function throwEventTimeError(...errors: (EventTimeError | null)[]): void {
  const first = errors.find((e): e is EventTimeError => !!e);
  if (first) throw new ApiException(first.code, [first]);
}

/** A recorded fact's time (served, received, taken…) cannot lie ahead (libs/domain/event-time). Absent optional fields pass. */
export function notInFuture(dto: object, ...paths: string[]): void {
  const now = Date.now();
  throwEventTimeError(
    ...paths.map((p) => {
      const { value, label } = fieldOf(dto, p);
      return value === undefined ? null : inFuture(p, label, value, now);
    }),
  );
}

/** A recorded fact's time cannot precede the step it depends on (a collection before the decision…). */
export function notBefore(dto: object, path: string, step: Step | null | undefined): void {
  const { value, label } = fieldOf(dto, path);
  if (value !== undefined) throwEventTimeError(beforeStep(path, label, value, step));
}
