/**
 * Workload B's data: the users/products/reviews of the standard federation gateway benchmark shape,
 * generated deterministically (a fixed size, so every gateway shapes the same response).
 */
export interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}
export interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
export interface Review {
  id: string;
  body: string;
  authorId: string;
  productUpc: string;
}

/**
 * 10 users by default; BENCH_B_USERS (`--b-users`) scales the answer (TestQuery's size grows with the
 * users and their reviews: 916 objects with 10 users), to see how each gateway's cost follows it.
 */
const USER_COUNT = Number(process.env.BENCH_B_USERS || 10);

export const USERS: User[] = Array.from({ length: USER_COUNT }, (_, i) => ({
  id: String(i + 1),
  name: `User ${i + 1}`,
  username: `@user${i + 1}`,
  birthday: 1950 + ((i * 7) % 60),
}));

export const PRODUCTS: Product[] = Array.from({ length: 10 }, (_, i) => ({
  upc: String(i + 1),
  name: `Product ${i + 1}`,
  price: 100 + ((i * 337) % 1500),
  weight: 10 + ((i * 53) % 900),
}));

/** Each user reviews three products; each product gets three reviews. */
export const REVIEWS: Review[] = USERS.flatMap((user, u) =>
  [0, 1, 2].map((k) => ({
    id: String(u * 3 + k + 1),
    body: `Review ${u * 3 + k + 1}: ${['great', 'fine', 'could be better'][k]}`,
    authorId: user.id,
    productUpc: PRODUCTS[(u + k * 3) % PRODUCTS.length].upc,
  })),
);

export const INVENTORY: Record<string, { inStock: boolean }> = Object.fromEntries(PRODUCTS.map((p, i) => [p.upc, { inStock: i % 4 !== 3 }]));
