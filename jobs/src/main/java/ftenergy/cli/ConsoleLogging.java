package ftenergy.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * The console's log levels. {@code log4j2.properties} hides warnings known to be noise on a
 * healthy run (a lost executor's network stack traces, Delta's search for a checkpoint that
 * appends never write) by giving their loggers a level above {@code warn}; {@code --verbose}
 * lowers every such logger back to {@code warn}.
 */
final class ConsoleLogging {

    private ConsoleLogging() {}

    /** Shows the hidden warnings again, for the rest of this JVM's life. */
    static void showHiddenWarnings() {
        // Not a core LoggerContext when another log4j2 backend is bound: then nothing here hides anything.
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return;
        }
        showHiddenWarnings(context);
    }

    static void showHiddenWarnings(LoggerContext context) {
        for (LoggerConfig logger : context.getConfiguration().getLoggers().values()) {
            if (logger.getLevel().isMoreSpecificThan(Level.ERROR)) {
                logger.setLevel(Level.WARN);
            }
        }
        context.updateLoggers();
    }
}
