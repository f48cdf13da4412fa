// The module worker behind insightsInWorker: it computes and answers, nothing else. Loaded by
// URL from the same origin, so it runs under a strict CSP (`worker-src 'self'`, no blob:, no eval).
import { computeInsights } from '../insights.js';
import type { InsightReply, InsightRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<InsightRequest>) => void) | null;
  postMessage(message: InsightReply): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { id, inputs, options } = event.data;
  try {
    scope.postMessage({ id, insights: computeInsights(inputs, options) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
