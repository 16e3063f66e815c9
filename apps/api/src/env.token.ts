/** Injection token of the parsed environment (libs/config/env). */
export const ENV = 'LAWTRAIL_ENV';
