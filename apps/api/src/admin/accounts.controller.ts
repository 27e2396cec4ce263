import { Controller, Get, Header, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentActor, RequestActor } from '../common/actor';
import { AccountEventsQuery } from './account-events.query';
import { AccountsService } from './accounts.service';
import { ApiErrors } from '../common/api-errors';
import { AccountEventResponse, AccountStateResponse, PasswordResetResponse } from './admin.response';

@ApiTags('admin')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('people/:id/account/disable')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: "Disable an account: no sign-in, and its access and refresh tokens stop working at once (not one's own)",
  })
  @ApiOkResponse({ type: AccountStateResponse })
  @ApiErrors(400, 404)
  disable(@CurrentActor() actor: RequestActor, @Param('id', new ParseUUIDPipe()) id: string, @Ip() address: string) {
    return this.accounts.setDisabled(actor, id, true, address);
  }

  @Post('people/:id/account/enable')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (its lock-outs are cleared)' })
  @ApiOkResponse({ type: AccountStateResponse })
  @ApiErrors(400, 404)
  enable(@CurrentActor() actor: RequestActor, @Param('id', new ParseUUIDPipe()) id: string, @Ip() address: string) {
    return this.accounts.setDisabled(actor, id, false, address);
  }

  @Post('people/:id/account/reset-password')
  @AdminOnly()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Reset the password to a one-time password, answered only here; every session ends and the person must change it at the next sign-in',
  })
  @ApiOkResponse({ type: PasswordResetResponse })
  @ApiErrors(400, 404)
  resetPassword(
    @CurrentActor() actor: RequestActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Ip() address: string,
  ) {
    return this.accounts.resetPassword(actor, id, address);
  }

  @Get('admin/account-events')
  @AdminOnly()
  @ApiOperation({ summary: 'The audit of account administration (disable, enable, password reset), newest first' })
  @ApiOkResponse({ type: AccountEventResponse, isArray: true })
  @ApiErrors(400)
  events(@Query() query: AccountEventsQuery) {
    return this.accounts.events(query.personId, query.limit ?? 100);
  }
}
