import type { ThemeCoverageResolvers, ThemeId } from '../generated/resolvers-types';
import type { Known } from './index';
import { themeIdOf } from '../domain/catalogue';

/** Stored summaries keep the theme's name; its enum value is derived from it. */
export const ThemeCoverage = {
  themeId: (t) => themeIdOf(t.theme) as ThemeId,
} satisfies Known<ThemeCoverageResolvers>;
