// Server-rendered SVG charts for survey results and representativeness.
export { BarChart, type BarDatum } from './bar-chart.js';
export { StackedBarChart, type StackedRow } from './stacked-bar-chart.js';
export { NpsChart } from './nps-chart.js';
export { DivergingBarChart, type DivergingRow } from './diverging-bar-chart.js';
export { contrastRatio, textColourOn, type ChartValue } from './chart-parts.js';
export { numberFormat, percentFormat, pointsFormat } from './format.js';
