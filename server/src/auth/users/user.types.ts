import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../domain/roles';
import type { UserRecord } from './user.record';
import { USERNAME_PATTERN, USERNAME_RULES } from './users.service';
import { isoFromClickHouse } from '../../clickhouse/clickhouse-time';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'viewer, plant_manager (listed plants), it_support (plants or all), executive (all), admin (all).',
});

@ObjectType({ description: 'A person who signs in.' })
export class User {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => [String], { description: 'Plants in scope; empty for roles that see every plant, ["*"] for all.' })
  plants!: string[];
  @Field() disabled!: boolean;
  @Field() createdAt!: string;
  @Field() createdBy!: string;
  @Field() updatedAt!: string;
  @Field() updatedBy!: string;
}

export function toUser(r: UserRecord): User {
  return {
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    plants: r.plants,
    disabled: r.disabled === 1,
    createdAt: isoFromClickHouse(r.created_at),
    createdBy: r.created_by,
    updatedAt: isoFromClickHouse(r.updated_at),
    updatedBy: r.updated_by,
  };
}

/** The audit trail's view of a person: everything but the password hash. */
export function auditView(r: UserRecord) {
  return { username: r.username, displayName: r.display_name, role: r.role, plants: r.plants, disabled: r.disabled === 1 };
}

@InputType()
export class CreateUserInput {
  @Field({ description: USERNAME_RULES })
  @Matches(USERNAME_PATTERN, { message: `username must be ${USERNAME_RULES}` })
  username!: string;
  @Field({ description: 'At least 12 characters, not the username.' }) @IsString() @MaxLength(1024) password!: string;
  @Field(() => RoleEnum) @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }) role!: Role;
  @Field(() => [String], {
    nullable: true,
    description: 'Plants for plant_manager, viewer, it_support ("*" = all where allowed).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  plants?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(128) displayName?: string;
}

@InputType()
export class UpdateUserInput {
  @Field() @IsString() @MaxLength(64) username!: string;
  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;
  @Field(() => [String], {
    nullable: true,
    description: 'Replaces the plant list. Changing the role without plants clears them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  plants?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(128) displayName?: string;
}

@ObjectType({ description: 'The caller.' })
export class Me {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field({ description: 'user (signed in), admin_token or api_key.' }) kind!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => [String], { description: 'Plants in scope; ["*"] for every plant.' }) plants!: string[];
  @Field(() => [String], { description: 'What the caller may do (docs/security.md).' }) permissions!: string[];
  @Field({ description: 'The dashboard page this role lands on.' }) home!: string;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'Bearer token for scripts ("Authorization: Bearer <token>"). Browsers get it as a cookie too.' })
  token!: string;
  @Field({ description: 'When the session ends if unused (ISO 8601); each use extends it, up to the absolute limit.' })
  expiresAt!: string;
  @Field(() => User) user!: User;
}
