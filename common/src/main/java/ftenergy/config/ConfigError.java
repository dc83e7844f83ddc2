package ftenergy.config;

import ftenergy.FtenergyException;
import java.util.List;

/** The configuration is unusable; carries every problem found, not just the first. */
public final class ConfigError extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigError(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they were found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder("invalid configuration (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (ConfigProblem problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
