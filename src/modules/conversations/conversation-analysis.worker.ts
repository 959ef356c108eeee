import { analyseConversation, type AnalysisInput, type StoredAnalysis } from './analysis-result.js';

/** The worker thread's task (piscina): one conversation's analysis, off the request thread. */
export default function runConversationAnalysis(input: AnalysisInput): StoredAnalysis {
  return analyseConversation(input);
}
