package ftenergy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ftenergy.analyze.AnalyzeJob;
import ftenergy.analyze.AnalyzeSettings;
import ftenergy.analyze.SyntheticLakehouse;
import ftenergy.lake.LakeTables;
import ftenergy.lake.Lakehouse;
import ftenergy.lake.TestSpark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJobTest {

    static final List<String> FIGURES = List.of("energy_vs_tokens", "energy_vs_time", "energy_vs_steps", "energy_vs_examples",
            "metric_vs_co2", "finetune_teacher_vs_student", "amortization_n_star");

    static SparkSession spark;
    static Path html;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeReport() throws IOException {
        spark = TestSpark.session();
        String lake = dir.resolve("lake").toString();
        SyntheticLakehouse.write(spark, lake, 7L);
        AnalyzeJob.run(spark, lake, AnalyzeSettings.defaults());
        html = ReportJob.run(spark, lake, dir.resolve("report"));
        // Kept under target/ for a person to open after the build.
        Path keep = Files.createDirectories(Path.of("target", "report-test"));
        Files.copy(html, keep.resolve(ReportJob.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void figures_areWrittenAsPngAndSvgWithContent() throws IOException {
        Path figures = html.getParent().resolve("figures");
        for (String name : FIGURES) {
            BufferedImage png = ImageIO.read(figures.resolve(name + ".png").toFile());
            assertTrue(colours(png) > 10, name + ".png is nearly blank");
            String svg = Files.readString(figures.resolve(name + ".svg"));
            assertTrue(svg.contains("<svg"), name + ".svg is not SVG");
        }
    }

    @Test
    void html_isSelfContainedWithFiguresEquationsAndProvenance() throws IOException {
        String page = Files.readString(html);
        assertEquals(FIGURES.size(), page.split("data:image/png;base64,", -1).length - 1, "every figure inlined once");
        assertFalse(page.contains("src=\"http"), "no external resource");
        assertFalse(page.contains("<script"), "no script");
        assertTrue(page.contains("energy_kwh = "), "fitted equations shown");
        assertTrue(page.contains("measured-nvml") && page.contains("estimated-tdp"), "meter provenance shown");
        assertTrue(page.contains("pays for itself after"), "amortization finding stated");
        assertTrue(page.contains("Caveats"));
    }

    @Test
    void reportBeforeAnalysis_namesTheMissingStep() {
        String bare = dir.resolve("bare").toString();
        new Lakehouse(spark, bare).create(LakeTables.RUNS);
        ReportException e = assertThrows(ReportException.class, () -> ReportJob.run(spark, bare, dir.resolve("bare-report")));
        assertTrue(e.getMessage().contains("ftenergy analyze"), e.getMessage());
    }

    @Test
    void html_rendersInHeadlessChromium() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install -y chromium): render check skipped");
        Path png = dir.resolve("screenshot.png");
        HeadlessChromium.screenshot(chromium.get(), html, png, dir);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1200, shot.getWidth());
        assertTrue(colours(shot) > 50, "screenshot is (nearly) one colour: the page did not render");
        Files.copy(png, Path.of("target", "report-test", "screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Distinct colours in a 1-in-4 sample of pixels. */
    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
