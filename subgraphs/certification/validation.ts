export { validateCountry, validateYear } from '../../lib/graphql/validation';
