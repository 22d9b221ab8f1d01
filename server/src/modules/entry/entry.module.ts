import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { OrgScopeModule } from '../organizations/org-scope.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { EntryController } from './entry.controller.js';
import { EntryService } from './entry.service.js';

@Module({ imports: [IdentityModule, OrgScopeModule, TenancyModule], controllers: [EntryController], providers: [EntryService] })
export class EntryModule {}
