package ftenergy.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/tables.md} says what the code defines: regenerate it with {@code bin/ftenergy lake docs > docs/tables.md}. */
class TablesDocTest {

    @Test
    void docsTables_isWhatTheDefinitionsSay() throws Exception {
        Path doc = Path.of("..", "docs", "tables.md");
        assertTrue(Files.isRegularFile(doc), "docs/tables.md is missing: bin/ftenergy lake docs > docs/tables.md");
        assertEquals(TablesDoc.markdown(), Files.readString(doc),
                "docs/tables.md is stale: regenerate it with bin/ftenergy lake docs > docs/tables.md");
    }

    @Test
    void everyColumn_isDocumented() {
        for (LakeTable table : LakeTables.all()) {
            for (var field : table.schema().fields()) {
                assertTrue(field.getComment().isDefined() && !field.getComment().get().isBlank(), table.name() + "." + field.name());
            }
        }
    }
}
