package ftenergy.report;

/**
 * One of the paper's claims checked on the lakehouse's own runs.
 *
 * @param statement the claim, as the report states it
 * @param paper what the paper found
 * @param verdict what these runs say
 * @param evidence the numbers behind the verdict, or why the data cannot decide
 * @param source the tables and columns the numbers come from
 */
public record Claim(String statement, String paper, Verdict verdict, String evidence, String source) {}
