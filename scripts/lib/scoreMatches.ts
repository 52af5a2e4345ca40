/**
 * Scores customer-matching predictions the way matching-dev/README.md (and its score.py) does:
 * a prediction is correct when it is the expected account or one of the acceptable duplicates;
 * precision = correct / predicted matches; recall = correct / registrations with an expected
 * account; a prediction on a new customer is a false match.
 */

export interface MatchLabel {
  readonly expected: string;
  readonly acceptable: readonly string[];
}

export interface MatchScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Precision-weighted F-measure (β = 0.5). */
  readonly f05: number;
  readonly correct: number;
  readonly wrongAccount: number;
  readonly falseMatchOnNew: number;
  readonly missed: number;
  readonly correctAbstention: number;
  readonly predicted: number;
  readonly withExpected: number;
  readonly total: number;
}

/** `labels` by registration id; `predictions` by registration id ('' or absent = no match). */
export function scoreMatches(
  labels: ReadonlyMap<string, MatchLabel>,
  predictions: ReadonlyMap<string, string>
): MatchScore {
  let correct = 0;
  let wrongAccount = 0;
  let falseMatchOnNew = 0;
  let missed = 0;
  let correctAbstention = 0;
  let withExpected = 0;
  for (const [id, label] of labels) {
    const predicted = predictions.get(id) ?? '';
    if (label.expected) withExpected++;
    if (!predicted) {
      if (label.expected) missed++;
      else correctAbstention++;
    } else if (!label.expected) falseMatchOnNew++;
    else if (predicted === label.expected || label.acceptable.includes(predicted)) correct++;
    else wrongAccount++;
  }
  const predicted = correct + wrongAccount + falseMatchOnNew;
  const precision = predicted ? correct / predicted : 0;
  const recall = withExpected ? correct / withExpected : 0;
  const fBeta = (beta: number) =>
    precision + recall
      ? ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall)
      : 0;
  return {
    precision,
    recall,
    f1: fBeta(1),
    f05: fBeta(0.5),
    correct,
    wrongAccount,
    falseMatchOnNew,
    missed,
    correctAbstention,
    predicted,
    withExpected,
    total: labels.size
  };
}
