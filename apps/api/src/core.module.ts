import { DynamicModule, Global, Module } from '@nestjs/common';
import { repositoryProviders } from '@rectiflow/persistence';
import type { ApiConfig } from '@rectiflow/platform';
import { InspectionAccess } from './common/inspection-access';
import { Visibility } from './common/visibility';
import { API_CONFIG, TemporalClientService } from './temporal/temporal-client.service';

const SHARED = [TemporalClientService, Visibility, InspectionAccess];

/** What every feature may inject: the configuration, the repositories, Temporal, and who-sees-what. */
@Global()
@Module({})
export class CoreModule {
  static register(config: ApiConfig): DynamicModule {
    const repositories = repositoryProviders();
    return {
      module: CoreModule,
      providers: [{ provide: API_CONFIG, useValue: config }, ...repositories, ...SHARED],
      exports: [API_CONFIG, ...repositories.map((provider) => provider.provide), ...SHARED],
    };
  }
}
