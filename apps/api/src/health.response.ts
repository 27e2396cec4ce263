import { Res } from './common/response-fields';

export class HealthResponse {
  @Res.enum(['ok'], 'HealthStatus')
  status: string;
}
