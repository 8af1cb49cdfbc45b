/** Why the extractor read what it did: the rule that produced a finding and the text it read. */
export interface Explanation {
  /** What was found, in a person's words: "kind: hmicfrs-report", "recommendation 3", "title". */
  finding: string;
  /** The name of the rule that found it, as the rule table names it. */
  rule: string;
  /** The text the rule read, as the document has it (cut to 300 characters). */
  read: string;
}
