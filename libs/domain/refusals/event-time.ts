/** Refusals of an event's time in any stage (libs/domain/event-time): always about one field. */
export const EVENT_TIME_REFUSALS = {
  TIME_IN_FUTURE: '时间不能晚于当前时间',
  EVENT_BEFORE_STEP: '时间不能早于其所依据的前一步骤',
} as const;
export type EventTimeRefusal = keyof typeof EVENT_TIME_REFUSALS;
