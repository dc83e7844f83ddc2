package ftenergy.cli;

/** One {@code ftenergy} command. */
public interface Command {

    /** The word that selects it ({@code lake}, {@code sweep}, ...). */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: usage line, sub-commands, options. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code
     */
    int run(Invocation invocation) throws Exception;
}
