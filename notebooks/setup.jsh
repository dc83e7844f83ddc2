// The notebooks' shared set-up; each notebook's first cell is `%load setup.jsh`.
// It needs the kernel "Java (ftenergy)" that notebooks/run-notebooks.sh writes: that kernel has the
// project and Spark on its classpath and runs with the JVM options Spark needs.

// Without the project on the classpath every line below would fail with "package does not exist".
try {
    Class.forName("ftenergy.notebook.NotebookSession");
} catch (ClassNotFoundException e) {
    throw new IllegalStateException("the project is not on this kernel's classpath: run notebooks/run-notebooks.sh"
            + " --setup-only and choose the kernel \"Java (ftenergy)\"");
}

import org.apache.spark.sql.*;
import static org.apache.spark.sql.functions.*;
import org.knowm.xchart.*;
import ftenergy.notebook.*;

// The lakehouse FTENERGY_LAKEHOUSE names, else the repository's lakehouse/ (where bin/ftenergy demo writes).
// Its tables are registered in database ftenergy, the current one: SELECT ... FROM runs works.
NotebookSession session = NotebookSession.open(System.getenv(), "../lakehouse");
SparkSession spark = session.spark();
String lakehouse = session.lakehouse();

/** Shows rows as a table inline: the first 20, the rest counted. */
void show(Dataset<Row> rows) {
    display("text/html", InlineTable.html(rows, 20));
}

/** Shows a chart inline, as a PNG image. */
void show(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    display(BitmapEncoder.getBufferedImage(chart));
}

/** Shows a line of text inline (what a script loaded with %load prints does not reach the notebook). */
void show(String text) {
    display("text/plain", text);
}

show(session.describe());
