import type { Command } from 'commander';
import { registerAnalyseOpinions } from './analyse-opinions.js';
import { registerAnalyseWeights } from './analyse-weights.js';

/**
 * `engine-room analyse …`: the analysis steps run on files, without a server or database.
 * Each subcommand lives in its own file beside this one and registers itself here.
 */
export function registerAnalyse(program: Command): void {
  const analyse = program
    .command('analyse')
    .description('run an analysis on exported files (opinion groups, survey weights) and print the result');
  registerAnalyseOpinions(analyse);
  registerAnalyseWeights(analyse);
}
