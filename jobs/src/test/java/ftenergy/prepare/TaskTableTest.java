package ftenergy.prepare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.config.AppSettings;
import ftenergy.data.Example;
import ftenergy.data.QaWindow;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.lake.ExampleRows;
import ftenergy.lake.LakeTables;
import ftenergy.lake.LakeWriter;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.LakehouseSession;
import ftenergy.lake.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTableTest {

    @TempDir
    Path dir;

    @Test
    void spanQaRowsPreparedBeforeWindows_areNotPrepared_windowedOnesAre() {
        Lakehouse lake = LakehouseSession.attach(TestSpark.session(),
                new AppSettings(dir.toString(), dir, dir, dir, "test", Map.of()));
        TaskInfo qa = new TaskInfo("qa", TaskType.SPAN_QA, List.of(), null);
        int[] ids = {2, 7, 3, 8, 3};
        Example old = new Example("qa", "train", "q1", ids, new int[] {0, 0, 0, 1, 1}, -1, new int[0], 3, 3);
        Row unwindowed = withoutQaColumns(ExampleRows.row(old, qa, "h", "d"));
        Example windowed = new Example("qa", "train", "q1#0", ids, new int[] {0, 0, 0, 1, 1}, -1, new int[0], 3, 3,
                new QaWindow("q1", "cat", List.of("cat"), new int[] {-1, -1, -1, 0, -1}, new int[] {-1, -1, -1, 3, -1}));
        LakeWriter writer = new LakeWriter(lake);

        writer.replace(LakeTables.EXAMPLES, "task = 'qa'",
                lake.spark().createDataFrame(List.of(unwindowed), LakeTables.EXAMPLES.schema()));
        assertFalse(TaskTable.read(lake, List.of("qa")).prepared("qa", "h", "d"), "prepared before windows: prepare again");

        writer.replace(LakeTables.EXAMPLES, "task = 'qa'",
                lake.spark().createDataFrame(List.of(ExampleRows.row(windowed, qa, "h", "d")), LakeTables.EXAMPLES.schema()));
        assertTrue(TaskTable.read(lake, List.of("qa")).prepared("qa", "h", "d"));
        assertFalse(TaskTable.read(lake, List.of("qa")).prepared("qa", "other-tokenizer", "d"));
        assertFalse(TaskTable.read(lake, List.of("qa")).prepared("qa", "h", "another-definition"), "a changed task is prepared again");
    }

    /** A row as prepare wrote it before the QA columns existed: those columns null. */
    private static Row withoutQaColumns(Row row) {
        Object[] values = new Object[row.size()];
        int firstQa = LakeTables.EXAMPLES.schema().fieldIndex("question_id");
        for (int i = 0; i < firstQa; i++) {
            values[i] = row.get(i);
        }
        return RowFactory.create(values);
    }
}
