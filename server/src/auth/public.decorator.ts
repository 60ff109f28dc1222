import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'syncline:isPublic';

/** Marks a route or resolver as open without credentials. Use only for probes and the app shell. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
