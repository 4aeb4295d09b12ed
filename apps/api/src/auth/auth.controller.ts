import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, LoginView } from '@workpoints/contracts';
import { ActorResponse } from '../common/shared.responses';
import { LoginResponse } from '../users/dto/user.responses';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回访问令牌' })
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() body: LoginDto): Promise<LoginView> {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: ActorResponse })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
