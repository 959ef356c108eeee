export * from './analyse.js';
export * from './ari.js';
export * from './kmeans.js';
export * from './matrix.js';
export * from './pca.js';
export * from './polis-csv.js';
export * from './random.js';
export * from './repness.js';
