package ftenergy.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuAddressMapTest {
    /** Four GPUs, NVML index = PCI bus order, as NVML enumerates. */
    private static final List<PhysicalGpu> FOUR = List.of(
            new PhysicalGpu(0, "GPU-aaaa0000", PhysicalGpu.pciBusId(0, 0x07, 0), false),
            new PhysicalGpu(1, "GPU-bbbb1111", PhysicalGpu.pciBusId(0, 0x0f, 0), false),
            new PhysicalGpu(2, "GPU-cccc2222", PhysicalGpu.pciBusId(0, 0x47, 0), false),
            new PhysicalGpu(3, "GPU-dddd3333", PhysicalGpu.pciBusId(0, 0x4e, 0), false));

    private static CudaEnvironment env(String visible, String order) {
        Map<String, String> vars = new HashMap<>();
        if (visible != null) {
            vars.put("CUDA_VISIBLE_DEVICES", visible);
        }
        if (order != null) {
            vars.put("CUDA_DEVICE_ORDER", order);
        }
        vars.put("PATH", "/usr/bin");
        return CudaEnvironment.of(vars);
    }

    private static GpuAddressMap four(String visible) {
        return GpuAddressMap.of(FOUR, env(visible, "PCI_BUS_ID"));
    }

    @Test
    void visibleDevicesUnset_ordinalIsTheBusRank() {
        GpuAddressMap map = four(null);
        assertEquals(2, map.cudaOrdinal("2"));
        assertEquals(3, map.cudaOrdinal("GPU-dddd3333"));
        GpuIdentity gpu = map.identify("1");
        assertEquals(new GpuIdentity("1", 1, "GPU-bbbb1111", "00000000:0f:00.0", 1, false), gpu);
    }

    @Test
    void visibleDevicesByIndex_ordinalIsThePositionInTheList() {
        GpuAddressMap map = four("3,1");
        assertEquals(0, map.cudaOrdinal("3"));
        assertEquals(1, map.cudaOrdinal("GPU-bbbb1111"));
        GpuAddressException e = assertThrows(GpuAddressException.class, () -> map.cudaOrdinal("2"));
        assertEquals("2", e.address());
        assertTrue(e.getMessage().contains("CUDA_VISIBLE_DEVICES=3,1 does not list it"), e.getMessage());
        // identify still names the GPU, without an ordinal
        GpuIdentity hidden = map.identify("2");
        assertEquals("GPU-cccc2222", hidden.uuid());
        assertFalse(hidden.cudaVisible());
    }

    @Test
    void visibleDevicesByUuid_matchedByUuidOrItsPrefix() {
        GpuAddressMap map = four("GPU-cccc2222,GPU-aaaa");
        assertEquals(0, map.cudaOrdinal("2"));
        assertEquals(1, map.cudaOrdinal("0"));
        assertEquals(1, map.cudaOrdinal("GPU-aaaa0000"));
    }

    @Test
    void nvmlOrderDiffersFromBusOrder_theBusRankDecides() {
        List<PhysicalGpu> swapped = List.of(
                new PhysicalGpu(0, "GPU-aaaa0000", PhysicalGpu.pciBusId(0, 0x47, 0), false),
                new PhysicalGpu(1, "GPU-bbbb1111", PhysicalGpu.pciBusId(0, 0x07, 0), false));
        GpuAddressMap map = GpuAddressMap.of(swapped, env(null, "PCI_BUS_ID"));
        assertEquals(1, map.cudaOrdinal("0"));
        assertEquals(0, map.cudaOrdinal("1"));
        // an index entry names the GPU at that bus rank
        assertEquals(0, GpuAddressMap.of(swapped, env("1", "PCI_BUS_ID")).cudaOrdinal("0"));
    }

    @Test
    void invalidEntry_hidesItAndEverythingAfter() {
        GpuAddressMap map = four("1,7,2");
        assertEquals(0, map.cudaOrdinal("1"));
        GpuAddressException e = assertThrows(GpuAddressException.class, () -> map.cudaOrdinal("2"));
        assertTrue(e.getMessage().contains("entry '7'"), e.getMessage());
        assertThrows(GpuAddressException.class, () -> four("").cudaOrdinal("0"));
    }

    @Test
    void fastestFirstWithSeveralGpus_isRefusedSayingWhatToSet() {
        for (String order : new String[] {null, "FASTEST_FIRST"}) {
            GpuAddressMap map = GpuAddressMap.of(FOUR, env("0,1", order));
            GpuAddressException e = assertThrows(GpuAddressException.class, () -> map.cudaOrdinal("0"));
            assertTrue(e.getMessage().contains("CUDA_DEVICE_ORDER is FASTEST_FIRST") && e.getMessage().contains("this host has 4 GPUs")
                    && e.getMessage().contains("Set CUDA_DEVICE_ORDER=PCI_BUS_ID"), e.getMessage());
            assertEquals(-1, map.identify("0").cudaOrdinal());
        }
        // a single index entry is still a choice among the host's GPUs in that order
        assertThrows(GpuAddressException.class, () -> GpuAddressMap.of(FOUR, env("2", null)).cudaOrdinal("2"));
    }

    @Test
    void orderDoesNotMatter_forOneGpuOrOneUuidEntry() {
        assertEquals(0, GpuAddressMap.of(FOUR.subList(0, 1), env(null, null)).cudaOrdinal("0"));
        assertEquals(0, GpuAddressMap.of(FOUR, env("GPU-cccc2222", null)).cudaOrdinal("2"));
    }

    @Test
    void unknownOrMalformedAddress_failsNamingIt() {
        GpuAddressMap map = four(null);
        GpuAddressException e = assertThrows(GpuAddressException.class, () -> map.identify("4"));
        assertTrue(e.getMessage().contains("'4'") && e.getMessage().contains("NVML sees 4 GPU(s)"), e.getMessage());
        assertTrue(assertThrows(GpuAddressException.class, () -> map.identify("GPU-ffff")).getMessage().contains("no GPU with this UUID"));
        assertTrue(assertThrows(GpuAddressException.class, () -> map.identify("gpu0")).getMessage().contains("neither an NVML index"));
    }

    @Test
    void withoutNvml_indicesAreBusRanksAndUuidsMatchOnlyUuids() {
        CudaEnvironment pci = env("2,3", "PCI_BUS_ID");
        assertEquals(1, GpuAddressMap.withoutNvml(pci).cudaOrdinal("3"));
        assertEquals(0, GpuAddressMap.withoutNvml(env("GPU-x,GPU-y", "PCI_BUS_ID")).cudaOrdinal("GPU-x"));
        GpuAddressException e = assertThrows(GpuAddressException.class,
                () -> GpuAddressMap.withoutNvml(env("GPU-x", "PCI_BUS_ID")).cudaOrdinal("0"));
        assertTrue(e.getMessage().contains("without NVML its UUID is unknown"), e.getMessage());
        // nor can it tell how many GPUs the order applies to
        assertThrows(GpuAddressException.class, () -> GpuAddressMap.withoutNvml(env(null, null)).cudaOrdinal("0"));
    }

    @Test
    void migMode_isReportedAndLeavesIndicesUncertain() {
        List<PhysicalGpu> mig = List.of(FOUR.get(0), new PhysicalGpu(1, "GPU-bbbb1111", FOUR.get(1).pciBusId(), true));
        GpuAddressMap map = GpuAddressMap.of(mig, env(null, "PCI_BUS_ID"));
        assertTrue(map.identify("1").mig());
        GpuAddressException e = assertThrows(GpuAddressException.class, () -> map.cudaOrdinal("0"));
        assertTrue(e.getMessage().contains("GPU 1 (GPU-bbbb1111) is in MIG mode"), e.getMessage());
        // by UUID the position is certain
        assertEquals(0, GpuAddressMap.of(mig, env("GPU-aaaa0000", "PCI_BUS_ID")).cudaOrdinal("0"));
        GpuIdentity instance = map.identify("MIG-1234");
        assertTrue(instance.mig());
        assertEquals(-1, instance.nvmlIndex());
        assertEquals(0, GpuAddressMap.of(mig, env("MIG-1234", "PCI_BUS_ID")).cudaOrdinal("MIG-1234"));
        assertEquals(List.of("MIG-1234"), env("MIG-1234", null).migEntries());
    }
}
