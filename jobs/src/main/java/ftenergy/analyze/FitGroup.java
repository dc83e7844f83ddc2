package ftenergy.analyze;

/**
 * The runs one regression pools: same hardware, kind and model.
 *
 * @param hardware {@code runs.hardware}
 * @param kind {@code runs.kind}
 * @param model {@code runs.model}
 */
public record FitGroup(String hardware, String kind, String model) {

    @Override
    public String toString() {
        return hardware + "/" + kind + "/" + model;
    }
}
