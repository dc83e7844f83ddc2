package ftenergy.report;

import java.nio.file.Path;

/**
 * One rendered figure.
 *
 * @param name file stem, e.g. {@code energy_vs_tokens}
 * @param title heading shown in the report
 * @param caption what is plotted, from which table and columns
 * @param png the PNG file (inlined into the report)
 * @param svg the SVG file (for publication)
 */
public record Figure(String name, String title, String caption, Path png, Path svg) {}
