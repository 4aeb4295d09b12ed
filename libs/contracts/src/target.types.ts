/** How a quantitative target compares the reported actual with its value. */
export type Comparator = '>=' | '>' | '=' | '<=' | '<' | '~' | 'range';

/**
 * A quantitative target (目标 / 指标) as written in the plan, e.g. 增长20%以上: what the parser
 * finds, a point's draft carries and its answers show (hence here, beside the other contracts).
 */
export interface Target {
  /** The phrase as written: "突破22件", "增长20%以上", "培育20个左右". */
  text: string;
  value: number;
  /** Upper bound of a range (10-15家, 10至15家); only when comparator is 'range'. */
  valueMax?: number;
  /** As written after the number: "件", "万件", "亿元", "%". */
  unit: string;
  comparator: Comparator;
  /** Present (true) when the sentence says 力争 (strive for): a stretch target. */
  aspirational?: boolean;
}
