package ftenergy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpmiDcmiReaderTest {
    // as printed by ipmitool 1.8.x for a BMC with DCMI power management
    private static final String OUTPUT = """

                Instantaneous power reading:                   318 Watts
                Minimum during sampling period:                 96 Watts
                Maximum during sampling period:                702 Watts
                Average power reading over sample period:      301 Watts
                IPMI timestamp:                           Wed May  1 12:00:00 2024
                Sampling period:                          00000005 Seconds.
                Power reading state is:                   activated

            """;

    @Test
    void ipmitoolOutput_parsesEveryField() {
        DcmiPowerReading r = IpmiDcmiReader.parse(OUTPUT);
        assertEquals(318, r.instantaneousWatts());
        assertEquals(96, r.minimumWatts());
        assertEquals(702, r.maximumWatts());
        assertEquals(301, r.averageWatts());
        assertEquals(5, r.samplingPeriodSeconds());
        assertTrue(r.active());
    }

    @Test
    void deactivatedReading_isFlagged() {
        assertFalse(IpmiDcmiReader.parse(OUTPUT.replace("activated", "deactivated")).active());
    }

    @Test
    void errorOutput_failsQuotingIt() {
        CarbonException e = assertThrows(CarbonException.class,
                () -> IpmiDcmiReader.parse("Could not open device at /dev/ipmi0: No such file or directory\n"));
        assertTrue(e.getMessage().contains("Could not open device"), e.getMessage());
    }
}
