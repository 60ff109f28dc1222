import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * An optional list of at most `max` strings of at most 256 characters each: the shape of every
 * filter list (plants, lines, flows, types, ids ...), validated as one decorator.
 */
export function StringList(max: number): PropertyDecorator {
  const decorators = [IsOptional(), IsArray(), ArrayMaxSize(max), IsString({ each: true }), MaxLength(256, { each: true })];
  return (target, key) => decorators.forEach((d) => d(target, key));
}
