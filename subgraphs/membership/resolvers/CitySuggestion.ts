import type { CitySuggestionResolvers } from '../generated/resolvers-types';

export const CitySuggestion = {
  /** The city document loaded for the suggestion (the rest of City is resolved from it). */
  city: (suggestion) => suggestion.city,
} satisfies CitySuggestionResolvers;
