package ftenergy.report;

/** What the data says about one of the paper's claims. */
public enum Verdict {
    /** The measurements agree with the claim. */
    HOLDS("holds"),
    /** The measurements contradict it. */
    DOES_NOT_HOLD("does not hold"),
    /** Too few runs, tasks or models to tell. */
    CANNOT_DECIDE("cannot decide");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** As the report prints it: "holds", "does not hold", "cannot decide". */
    public String label() {
        return label;
    }
}
