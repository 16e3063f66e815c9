/** Refusals of 立案 (initiation). */
export const INITIATION_REFUSALS = {
  EMERGENCY_EX_OFFICIO_ONLY: '仅依职权启动的案件可以情况紧急先行启动',
  EMERGENCY_NOT_ALLOWED: '本机关的执法全过程记录制度未规定情况紧急先行启动，不能先行启动',
} as const;
export type InitiationRefusal = keyof typeof INITIATION_REFUSALS;
