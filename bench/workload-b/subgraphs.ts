/**
 * Workload B's subgraphs (accounts, inventory, products, reviews): the schemas of the standard
 * federation gateway benchmark, as small in-memory subgraphs built with @apollo/subgraph.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { INVENTORY, PRODUCTS, REVIEWS, USERS, type Product, type Review, type User } from './data';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

export const SDL: Record<string, string> = {
  accounts: `${LINK}
    type Query { me: User  user(id: ID!): User  users: [User] }
    type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }`,
  inventory: `${LINK}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  products: `${LINK}
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
  reviews: `${LINK}
    type Review @key(fields: "id") { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
    type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
    type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
};

/** When set (smoke test only), the reviews subgraph answers wrongly: proves wrong answers are caught. */
export const corruption = { on: false };

const usersById = new Map(USERS.map((u) => [u.id, u]));
const productsByUpc = new Map(PRODUCTS.map((p) => [p.upc, p]));

const RESOLVERS: Record<string, any> = {
  accounts: {
    Query: { me: () => USERS[0], user: (_: unknown, { id }: { id: string }) => usersById.get(id) ?? null, users: () => USERS },
    User: { __resolveReference: (ref: { id: string }) => usersById.get(ref.id) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (ref: Product) => ({ ...ref, ...INVENTORY[ref.upc] }),
      shippingEstimate: (p: Product) => (p.price > 1000 ? 0 : Math.round(p.weight * 0.5)),
    },
  },
  products: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
    Product: { __resolveReference: (ref: { upc: string }) => productsByUpc.get(ref.upc) ?? null },
  },
  reviews: {
    Review: {
      __resolveReference: (ref: { id: string }) => REVIEWS.find((r) => r.id === ref.id) ?? null,
      body: (r: Review) => (corruption.on ? r.body.toUpperCase() : r.body),
      author: (r: Review) => ({ __typename: 'User', id: r.authorId, username: usersById.get(r.authorId)?.username }),
      product: (r: Review) => ({ __typename: 'Product', upc: r.productUpc }),
    },
    User: {
      __resolveReference: (ref: { id: string }) => ({ ...ref, username: usersById.get(ref.id)?.username }),
      reviews: (u: User) => REVIEWS.filter((r) => r.authorId === u.id),
    },
    Product: { reviews: (p: Product) => REVIEWS.filter((r) => r.productUpc === p.upc) },
  },
};

export function subgraphSchema(name: string): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(SDL[name]), resolvers: RESOLVERS[name] });
}

export const WORKLOAD_B_SUBGRAPHS = Object.keys(SDL);
