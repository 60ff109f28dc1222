import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RequirePermission } from '../../common/access/access.decorators';
import type { Principal } from '../../domain/principal';
import { Audit, type AuditNote } from '../../audit/audit-note';
import { auditView, CreateUserInput, toUser, UpdateUserInput, User } from './user.types';
import { UsersService } from './users.service';

/** People management (admin): the permission people:manage. Every mutation is audited with before/after. */
@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly people: UsersService) {}

  @Query(() => [User], { description: 'Everybody who can sign in, enabled or not.' })
  @RequirePermission('people:manage')
  async users(): Promise<User[]> {
    return (await this.people.list()).map(toUser);
  }

  @Mutation(() => User)
  @RequirePermission('people:manage')
  async createUser(
    @Args('input') input: CreateUserInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<User> {
    audit.target('user', input.username.trim().toLowerCase());
    const record = await this.people.create(input, principal.id);
    audit.after = auditView(record);
    audit.plants = record.plants;
    return toUser(record);
  }

  @Mutation(() => User, { description: 'Changes role, plants or display name; takes effect on the person\u2019s next request.' })
  @RequirePermission('people:manage')
  async updateUser(
    @Args('input') input: UpdateUserInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<User> {
    audit.target('user', input.username);
    const { before, after } = await this.people.update(input.username, input, principal.id);
    audit.before = auditView(before);
    audit.after = auditView(after);
    audit.plants = after.plants;
    return toUser(after);
  }

  @Mutation(() => User, { description: 'The person can no longer sign in; their sessions end on every instance.' })
  @RequirePermission('people:manage')
  async disableUser(
    @Args('username') username: string,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<User> {
    return this.setDisabled(username, true, principal, audit);
  }

  @Mutation(() => User, { description: 'Lets a disabled person sign in again.' })
  @RequirePermission('people:manage')
  async enableUser(
    @Args('username') username: string,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<User> {
    return this.setDisabled(username, false, principal, audit);
  }

  @Mutation(() => User, { description: 'Sets a new password for a person (admin); their sessions end.' })
  @RequirePermission('people:manage')
  async resetPassword(
    @Args('username') username: string,
    @Args('newPassword') newPassword: string,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<User> {
    audit.target('user', username);
    const { after } = await this.people.setPassword(username, newPassword, principal.id);
    audit.after = { passwordReset: true };
    return toUser(after);
  }

  private async setDisabled(username: string, disabled: boolean, principal: Principal, audit: AuditNote): Promise<User> {
    audit.target('user', username);
    const { before, after } = await this.people.setDisabled(username, disabled, principal.id);
    audit.before = auditView(before);
    audit.after = auditView(after);
    return toUser(after);
  }
}
