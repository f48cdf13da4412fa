// The messages between insightsInWorker and its worker: plain data, structured-cloned.
import type { Insight, InsightInput, InsightOptions } from '../insights.js';

export interface InsightRequest {
  id: number;
  inputs: InsightInput[];
  options: InsightOptions;
}

export type InsightReply = { id: number; insights: Insight[] } | { id: number; error: string };
