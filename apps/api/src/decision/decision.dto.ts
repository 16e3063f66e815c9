import { TextField } from '../common/fields';

export class DecisionExtensionDto {
  @TextField('申请延长的理由', 2000) reason: string;
}
