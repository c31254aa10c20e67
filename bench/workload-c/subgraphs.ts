/**
 * Workload C: the shape of the accounts/inventory/products/reviews services that Hive Gateway's own
 * federation benchmark (its e2e "federation-example" suite) runs against — written here, not copied:
 * Federation 1 subgraph schemas (`extend type`, no @link), a small dataset (2 users, 3 products,
 * 4 reviews), served by Apollo Server's standalone server. TestQuery's answer is ~4 KB (workload B's
 * is ~190 KB), so C weighs the gateways' per-request and per-fetch costs rather than result shaping.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

export const SDL: Record<string, string> = {
  accounts: `
    extend type Query { me: User  user(id: ID!): User  users: [User] }
    type User @key(fields: "id") { id: ID!  name: String  username: String }`,
  inventory: `
    extend type Product @key(fields: "upc") {
      upc: String! @external
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  products: `
    extend type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
  reviews: `
    type Review @key(fields: "id") { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
    extend type User @key(fields: "id") { id: ID! @external  username: String @external  reviews: [Review]  numberOfReviews: Int }
    extend type Product @key(fields: "upc") { upc: String! @external  reviews: [Review] }`,
};

interface Person {
  id: string;
  name: string;
  username: string;
  birthDate: string;
}
interface Item {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
interface Opinion {
  id: string;
  authorId: string;
  upc: string;
  body: string;
}

const PEOPLE: Person[] = [
  { id: '1', name: 'Ada Lovelace', username: '@ada', birthDate: '1815-12-10' },
  { id: '2', name: 'Alan Turing', username: '@complete', birthDate: '1912-06-23' },
];
const ITEMS: Item[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Chair', price: 54, weight: 50 },
];
const STOCK: Record<string, boolean> = { '1': true, '2': false, '3': true };
const OPINIONS: Opinion[] = [
  { id: '1', authorId: '1', upc: '1', body: 'Love it!' },
  { id: '2', authorId: '1', upc: '2', body: 'Too expensive.' },
  { id: '3', authorId: '2', upc: '3', body: 'Could be better.' },
  { id: '4', authorId: '2', upc: '1', body: 'Prefer something else.' },
];

const person = (id: string) => PEOPLE.find((p) => p.id === id);
const item = (upc: string) => ITEMS.find((i) => i.upc === upc);

const RESOLVERS: Record<string, any> = {
  accounts: {
    Query: { me: () => PEOPLE[0], users: () => PEOPLE, user: (_: unknown, { id }: { id: string }) => person(id) },
    User: { __resolveReference: (ref: { id: string }) => ({ ...ref, ...person(ref.id) }) },
  },
  inventory: {
    Product: {
      __resolveReference: (ref: Item) => ({ ...ref, inStock: STOCK[ref.upc] }),
      // Free above 1000, else half the weight (the @requires fields come from the products subgraph).
      shippingEstimate: (p: Item) => {
        if (p.price == null || p.weight == null) throw new Error(`Product ${p.upc}: price and weight are required`);
        return p.price > 1000 ? 0 : p.weight * 0.5;
      },
    },
  },
  products: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => ITEMS.slice(0, first) },
    Product: { __resolveReference: (ref: { upc: string }) => ({ ...ref, ...item(ref.upc) }) },
  },
  reviews: {
    Review: { author: (r: Opinion) => ({ __typename: 'User', id: r.authorId }) },
    User: {
      reviews: (u: { id: string }) => OPINIONS.filter((r) => r.authorId === u.id),
      numberOfReviews: (u: { id: string }) => OPINIONS.filter((r) => r.authorId === u.id).length,
      username: (u: { id: string }) => person(u.id)?.username ?? null,
    },
    Product: { reviews: (p: { upc: string }) => OPINIONS.filter((r) => r.upc === p.upc) },
  },
};

export function subgraphSchema(name: string): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(SDL[name]), resolvers: RESOLVERS[name] });
}

export const WORKLOAD_C_SUBGRAPHS = Object.keys(SDL);
