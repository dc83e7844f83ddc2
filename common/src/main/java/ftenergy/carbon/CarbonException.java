package ftenergy.carbon;

import ftenergy.FtenergyException;
import java.nio.file.Path;
import java.util.Collection;

/** A carbon-accounting input that is wrong: an unknown region, a bad setting, a malformed wall-meter log. */
public final class CarbonException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String region;

    private CarbonException(String message, String region, Throwable cause) {
        super(message, cause);
        this.region = region;
    }

    /** The grid region the error is about, or {@code null}. */
    public String region() {
        return region;
    }

    static CarbonException unknownRegion(String region, Collection<String> known) {
        return new CarbonException("grid region '" + region + "' is not in the intensity table; known regions: "
                + String.join(", ", known) + " (or set CarbonSettings.intensityOverrideGramsPerKwh)", region, null);
    }

    static CarbonException invalidSetting(String name, Object value, String expected) {
        return new CarbonException("carbon setting " + name + " = " + value + " is invalid: expected " + expected, null, null);
    }

    static CarbonException badLine(String file, int line, String problem) {
        return new CarbonException(file + ":" + line + ": " + problem, null, null);
    }

    static CarbonException io(String operation, Path file, Throwable cause) {
        return new CarbonException(operation + " " + file + " failed: " + cause.getMessage(), null, cause);
    }

    static CarbonException calibration(String problem) {
        return new CarbonException("wall calibration: " + problem, null, null);
    }

    static CarbonException ipmi(String problem, Throwable cause) {
        return new CarbonException("IPMI DCMI power reading: " + problem, null, cause);
    }
}
