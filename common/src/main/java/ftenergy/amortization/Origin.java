package ftenergy.amortization;

/**
 * Which side of a distillation a run is on.
 *
 * @param role teacher, student, or unattributed
 * @param pretrainRunId the pre-training run at the root of its lineage ({@code null} if none)
 * @param distillRunId the distillation run it descends from ({@code null} on the teacher side)
 * @param via how the role was found: {@code init}, {@code depends_on}, {@code model} (name match)
 *     or {@code none}
 */
public record Origin(Role role, String pretrainRunId, String distillRunId, String via) {

    /** The two sides of a distillation, and runs that belong to neither. */
    public enum Role {
        /** Descends from a pre-training run without passing through a distillation. */
        TEACHER,
        /** Descends from a distillation run. */
        STUDENT,
        /** No pre-training or distillation run found in its lineage. */
        UNATTRIBUTED;

        /** Lower-case name for tables. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Origin unattributed() {
        return new Origin(Role.UNATTRIBUTED, null, null, "none");
    }
}
