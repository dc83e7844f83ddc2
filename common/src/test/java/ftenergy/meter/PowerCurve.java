package ftenergy.meter;

/** A power curve over time with its exact integral, to check integration against. */
public interface PowerCurve {

    /** Watts at {@code t} seconds. */
    double watts(double t);

    /** Joules from 0 to {@code t} seconds. */
    double joules(double t);

    static PowerCurve constant(double w) {
        return new PowerCurve() {
            public double watts(double t) {
                return w;
            }

            public double joules(double t) {
                return w * t;
            }
        };
    }

    /** {@code w0 + slope·t}. */
    static PowerCurve ramp(double w0, double slopeWattsPerSecond) {
        return new PowerCurve() {
            public double watts(double t) {
                return w0 + slopeWattsPerSecond * t;
            }

            public double joules(double t) {
                return w0 * t + slopeWattsPerSecond * t * t / 2;
            }
        };
    }

    /** {@code before} watts until {@code at} seconds, {@code after} from then on. */
    static PowerCurve step(double before, double after, double at) {
        return new PowerCurve() {
            public double watts(double t) {
                return t < at ? before : after;
            }

            public double joules(double t) {
                return t < at ? before * t : before * at + after * (t - at);
            }
        };
    }
}
