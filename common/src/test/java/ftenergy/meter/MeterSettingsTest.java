package ftenergy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import ftenergy.config.ConfigError;
import ftenergy.config.ConfigReader;
import org.junit.jupiter.api.Test;

class MeterSettingsTest {

    private static MeterSettings read(String hocon) {
        ConfigReader in = new ConfigReader(ConfigFactory.parseString(hocon, ConfigParseOptions.defaults()
                .setOriginDescription("test.conf")).withFallback(ConfigFactory.defaultReference()).resolve());
        MeterSettings settings = MeterSettings.read(in);
        in.finish();
        return settings;
    }

    @Test
    void referenceConf_agreesWithTheCodeDefaults() {
        MeterSettings read = read("");
        MeterSettings defaults = MeterSettings.defaults();
        assertEquals(defaults.cpuIdleFraction(), read.cpuIdleFraction());
        assertEquals(defaults.ramWattsPerGib(), read.ramWattsPerGib());
        assertEquals(defaults.defaultCpuTdpWatts(), read.defaultCpuTdpWatts());
    }

    @Test
    void idleFractionAboveOne_isAConfigProblemNamingKeyAndFile() {
        ConfigError e = assertThrows(ConfigError.class, () -> read("ftenergy.meter.cpu-idle-fraction = 1.5"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("ftenergy.meter.cpu-idle-fraction", e.problems().get(0).key());
        assertTrue(e.problems().get(0).origin().contains("test.conf"), e.getMessage());
    }
}
