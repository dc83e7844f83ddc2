package ftenergy.data;

/**
 * Which fields of a JSON-lines record (what HuggingFace {@code datasets} exports) hold what.
 *
 * <pre>{@code
 * new ColumnMapping("idx", "premise", "hypothesis", "label")   // MNLI as exported by datasets
 * }</pre>
 *
 * @param idField field with the record id; {@code null} to number records by line
 * @param textField field with the (first) text
 * @param pairField field with the second text; {@code null} for single-text tasks
 * @param labelField field with the label (a name, or a class index into the task's labels)
 */
public record ColumnMapping(String idField, String textField, String pairField, String labelField) {

    public ColumnMapping {
        if (textField == null || labelField == null) {
            throw new IllegalArgumentException("text and label fields are required");
        }
    }
}
