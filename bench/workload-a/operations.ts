/**
 * Workload A: a mix of the real operations partner apps and dashboards send (README "Example
 * operations"), over the larger seeded dataset.
 */
import { GOLDEN_OPERATION } from '../../test/golden/golden';
import { seededRandom, variant, type Variant } from '../operation';

const REGISTRY_PAGE = /* GraphQL */ `
  query RegistryPage {
    registry(first: 50) {
      totalCount
      edges {
        node {
          city { id name country membership { category status clusters } }
          year
          level
          awardedAt
          coverage { coreVerified supportingVerified earnedLevel }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const CITIES_WITH_THEME = /* GraphQL */ `
  query CitiesWithTheme($theme: String!) {
    cities(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          country
          indicators(year: 2015, theme: $theme) { indicator { id name unit } value status }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const UPCOMING_WORKSHOPS = /* GraphQL */ `
  query UpcomingWorkshops($from: DateTime!) {
    workshops(from: $from, first: 50) {
      totalCount
      edges { node { id title startsAt localStartsAt format seatsAvailable hostCity { id name country } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** One theme: every variant costs a full scan of the indicator values to compute its expected result. */
export const PROFILE_THEMES = ['Economy'];

/**
 * The variants: city profiles for `profileCities` cities drawn (seeded) from the dataset, Makati
 * always among them (its profile is the golden one), and fixed variants of the other three.
 */
export function workloadAVariants(cityIds: string[], profileCities: number, now: string): Variant[] {
  const random = seededRandom(37120);
  const pool = cityIds.filter((id) => id !== 'makati');
  const chosen = ['makati'];
  while (chosen.length < Math.min(profileCities, cityIds.length)) {
    const [id] = pool.splice(Math.floor(random() * pool.length), 1);
    chosen.push(id);
  }
  return [
    ...chosen.map((id) => variant('cityProfile', `cityProfile(${id})`, GOLDEN_OPERATION, { id })),
    variant('registryPage', 'registry(first: 50)', REGISTRY_PAGE),
    ...PROFILE_THEMES.map((theme) => variant('citiesWithTheme', `cities(first: 100) × ${theme}`, CITIES_WITH_THEME, { theme })),
    variant('upcomingWorkshops', 'workshops(from: now, first: 50)', UPCOMING_WORKSHOPS, { from: now }),
  ];
}
