import { describe, expect, it } from 'vitest';
import { parseBand } from './CatalogPage';

describe('price-band facets', () => {
  it('turn the exclusive upper bound of a band into the inclusive maxPrice of the API', () => {
    expect(parseBand('2500-5000')).toEqual({ minPrice: 2500, maxPrice: 4999, upper: 5000 });
  });

  it('leave the minimum open for the cheapest band and the maximum open for the dearest', () => {
    expect(parseBand('0-2500')).toEqual({ minPrice: undefined, maxPrice: 2499, upper: 2500 });
    expect(parseBand('25000+')).toEqual({ minPrice: 25000, maxPrice: undefined, upper: undefined });
  });

  it('ignore a label they do not understand', () => {
    expect(parseBand('cheap')).toBeNull();
  });
});
