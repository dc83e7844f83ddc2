package ftenergy.meter.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why a source is missing, degraded or failing: each distinct note is kept, for the meter's
 * provenance, and logged once per JVM, so a counter that fails every second, or a host without
 * RAPL that every run's meter finds again, does not flood the log, and no fallback is silent.
 */
public final class MeterNotes {
    private static final System.Logger LOG = System.getLogger("ftenergy.meter");

    /** Notes any meter of this JVM has logged. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final Set<String> notes = new LinkedHashSet<>();

    /** A degradation the user should act on (unreadable counter, missing library, failing device). */
    public void warn(String note) {
        add(Level.WARNING, note);
    }

    /** An expected absence worth knowing (no GPU assigned, no dram zone on this CPU). */
    public void info(String note) {
        add(Level.INFO, note);
    }

    private synchronized void add(Level level, String note) {
        if (notes.add(note) && LOGGED.add(note)) {
            LOG.log(level, note);
        }
    }

    /** The notes so far, in first-seen order. */
    public synchronized List<String> all() {
        return new ArrayList<>(notes);
    }
}
