import { EnumField } from '../common/fields';

/** `full=true`: verify every entry and day head again, not only those since the last intact verification. */
export class VerifyQuery {
  @EnumField('全部核验', ['true', 'false'], { optional: true }) full?: 'true' | 'false';
}
