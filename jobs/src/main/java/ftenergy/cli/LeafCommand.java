package ftenergy.cli;

/**
 * A command that runs ({@code sweep}, {@code lake query}), as opposed to one that only groups
 * others ({@code lake}). Its options and parameters are picocli fields, set before {@link #run}.
 */
interface LeafCommand {

    /**
     * Runs the command.
     *
     * @return the process exit status
     * @throws UsageException when the arguments make no sense together (printed with the command's usage)
     */
    int run(Invocation invocation) throws Exception;
}
