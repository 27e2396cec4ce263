import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { CurrentActor, OpenDuringPasswordChange, Public, RequestActor } from '../common/actor';
import { TextField } from '../common/validation';
import { RequestThrottle } from '../throttling/request-throttle.guard';
import { AuthService } from './auth.service';
import { ApiErrors } from '../common/api-errors';
import { MeResponse, TokensResponse } from './auth.response';

class SignInDto {
  @TextField({ min: 1, max: 64, example: 'office' })
  username: string;

  @TextField({ min: 1, max: 200 })
  password: string;
}

class RefreshDto {
  @TextField({ min: 10, max: 200 })
  refreshToken: string;
}

class ChangePasswordDto {
  @TextField({ min: 1, max: 200 })
  currentPassword: string;

  @TextField({
    min: 1,
    max: 200,
    description: '10+ characters, at least two kinds (lower, upper, digits, symbols), not containing the username',
  })
  newPassword: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @UseGuards(RequestThrottle)
  @SkipThrottle({ feedback: true })
  @ApiOperation({
    summary:
      'Sign in: a 15-minute access token and a refresh token; passwordChangeRequired after a reset. Throttled per address; 5 attempts without the right password shut that address out of that account for 15 minutes. Every refusal reads the same.',
  })
  @ApiOkResponse({ type: TokensResponse })
  @ApiErrors(400, 401, 429)
  signIn(@Body() body: SignInDto, @Ip() address: string) {
    return this.auth.signIn(body.username, body.password, address);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for new tokens (the old refresh token stops working)' })
  @ApiOkResponse({ type: TokensResponse })
  @ApiErrors(400, 401)
  refresh(@Body() body: RefreshDto) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the refresh token stops working' })
  @ApiNoContentResponse({ description: 'signed out (also for a token already unknown)' })
  @ApiErrors(400)
  async signOut(@Body() body: RefreshDto) {
    await this.auth.signOut(body.refreshToken);
  }

  @Post('password')
  @ApiBearerAuth()
  @OpenDuringPasswordChange()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change the password (required after a reset); every other session ends. Wrong current passwords count toward the lock-out as sign-ins do',
  })
  @ApiOkResponse({ type: TokensResponse })
  @ApiErrors(400, 429)
  changePassword(@CurrentActor() actor: RequestActor, @Body() body: ChangePasswordDto, @Ip() address: string) {
    return this.auth.changePassword(actor.personId, body.currentPassword, body.newPassword, address);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The signed-in person: name, department, administrator or not, and roles in every inspection',
  })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: RequestActor) {
    return this.auth.me(actor.personId);
  }
}
