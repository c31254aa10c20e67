/** A reference to an entity another subgraph owns: the gateway resolves the rest. */
export interface City {
  __typename: 'City';
  id: string;
}
