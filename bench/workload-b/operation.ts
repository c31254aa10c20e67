/** The deeply nested `TestQuery` of the standard federation gateway benchmark. */
import { variant, type Variant } from '../operation';

export const TEST_QUERY = /* GraphQL */ `
  fragment User on User { id username name }
  fragment Review on Review { id body }
  fragment Product on Product { inStock name price shippingEstimate upc weight }
  query TestQuery {
    users {
      ...User
      reviews {
        ...Review
        product {
          ...Product
          reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
        }
      }
    }
    topProducts {
      ...Product
      reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
    }
  }
`;

export function workloadBVariants(): Variant[] {
  return [variant('testQuery', 'TestQuery', TEST_QUERY)];
}
