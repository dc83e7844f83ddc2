package ftenergy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ftenergy report}: reads the lakehouse's runs, evals and analysis tables and writes
 * {@code report.html} (self-contained) plus {@code figures/*.png} and {@code *.svg} into the output
 * directory. Run {@code ftenergy analyze} first.
 *
 * <pre>{@code
 * Path html = ReportJob.run(spark, "lakehouse", Path.of("report"));
 * }</pre>
 */
public final class ReportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** The report's file name inside the output directory. */
    public static final String FILE_NAME = "report.html";

    private ReportJob() {}

    /** Writes the report and its figures under {@code outDir} (created if absent) and returns the HTML file. */
    public static Path run(SparkSession spark, String lakehouse, Path outDir) {
        ReportData data = ReportData.load(spark, lakehouse);
        List<Figure> figures = Figures.write(data, outDir.resolve("figures"));
        Path html = outDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(outDir);
            Files.writeString(html, HtmlReport.render(data, figures), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("cannot write report " + html + ": " + e.getMessage(), e);
        }
        LOG.info("report: {} ({} figures, {} fits, {} amortization rows)", html, figures.size(), data.fits().size(),
                data.amortization().size());
        return html;
    }
}
