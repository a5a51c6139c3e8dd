/** The shape of the generated src/map/world-shapes.ts (written by scripts/build-map.ts). */
export interface WorldShapes {
  /** The SVG coordinate space: `viewBox="0 0 width height"`. */
  width: number;
  height: number;
  /** d3-geo `geoEqualEarth().scale(scale).translate(translate)` reproduces the projection (for markers). */
  projection: { scale: number; translate: [number, number] };
  /** Where the shapes come from, for the map's description and credits. */
  source: string;
  /** The outline of the whole globe in this projection (the sea). */
  sphere: string;
  /** Countries drawn as shapes, by ISO 3166-1 alpha-2 code. */
  countries: readonly { code: string; d: string; label: readonly [number, number]; box: readonly [number, number, number, number] }[];
  /** Countries too small for the shapes, drawn as a dot at this point. */
  points: readonly { code: string; at: readonly [number, number] }[];
  /** Land that is not a country of the schema (Northern Cyprus, Somaliland): drawn, never linked. */
  land: readonly string[];
}
