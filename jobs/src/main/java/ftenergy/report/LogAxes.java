package ftenergy.report;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * Logarithmic axes that carry numbers. XChart labels a log axis only at powers of ten by default,
 * so data within one decade gets an axis with no number at all; and labelling every 1–9 multiple
 * over more than a decade makes the labels overlap. So: data spanning two powers of ten or more is
 * labelled at the powers; data spanning one is labelled at the powers after stretching the axis
 * down to the power below its least value; data within one decade is labelled at every multiple.
 */
public final class LogAxes {

    private LogAxes() {}

    /** Makes both axes of {@code chart} logarithmic and labelled, for data {@code xs} and {@code ys} (all positive). */
    public static void apply(XYChart chart, List<Double> xs, List<Double> ys) {
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        double xMin = min(xs);
        double yMin = min(ys);
        int xPowers = powersOfTen(xMin, max(xs));
        int yPowers = powersOfTen(yMin, max(ys));
        styler.setXAxisLogarithmicDecadeOnly(xPowers >= 1).setYAxisLogarithmicDecadeOnly(yPowers >= 1);
        if (xPowers == 1) {
            styler.setXAxisMin(powerBelow(xMin));
        }
        if (yPowers == 1) {
            styler.setYAxisMin(powerBelow(yMin));
        }
    }

    /** How many powers of ten lie in [lo, hi]. */
    static int powersOfTen(double lo, double hi) {
        return (int) Math.max(0, Math.floor(Math.log10(hi) + 1e-12) - Math.ceil(Math.log10(lo) - 1e-12) + 1);
    }

    /** The power of ten at or below {@code value}, strictly below unless {@code value} is one. */
    private static double powerBelow(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        return power == value ? power / 10 : power;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
    }
}
