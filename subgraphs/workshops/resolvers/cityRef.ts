/** A City reference: this subgraph only knows city ids; the gateway resolves the rest in membership. */
export interface CityRef {
  __typename: 'City';
  id: string;
}

export function cityRef(id: string): CityRef {
  return { __typename: 'City', id };
}
