import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG } from '../infrastructure/tokens.js';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard.js';
import { createTokenVerifier } from './jwt.js';

/** Bearer JWT authentication and role checks on every route (a global guard). */
@Global()
@Module({
  providers: [
    {
      provide: TOKEN_VERIFIER,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => createTokenVerifier(config.jwt, config.tokens),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
