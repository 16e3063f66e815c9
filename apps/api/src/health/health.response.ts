import { OneOf } from '../common/responses';

export class HealthResponse {
  @OneOf(['ok'], { description: 'PostgreSQL 与 Temporal 均可访问' }) status: 'ok';
}
