/**
 * How a question is written in failure details (`example.com MX`), so every resolver layer
 * names the query the same way and `lookup-failed` evidence reads consistently.
 */

import type { Question } from './types.js';

/** `example.com MX`; the root name is written `.`. */
export function describeQuestion(question: Question): string {
  return `${question.name === '' ? '.' : question.name} ${question.type}`;
}
