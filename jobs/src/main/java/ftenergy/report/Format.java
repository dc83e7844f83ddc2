package ftenergy.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the report writes numbers: three significant digits, plain notation between 0.001 and a million, "—" for none. */
final class Format {

    private Format() {}

    /** Three significant digits; "—" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A percentage, e.g. "37.5%". */
    static String percent(double v) {
        return Double.isNaN(v) ? "—" : number(v) + "%";
    }

    /** A count with thousands separators, e.g. "100,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
