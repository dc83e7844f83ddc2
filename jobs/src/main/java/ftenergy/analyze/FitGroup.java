package ftenergy.analyze;

/**
 * The runs one regression pools: same response, hardware, kind and model, and for inference the
 * same batch size (batching changes what a token costs, so inference batch sizes are never pooled).
 *
 * @param response the energy column fitted
 * @param hardware {@code runs.hardware}
 * @param kind {@code runs.kind}
 * @param model {@code runs.model}
 * @param batchSize inference: {@code runs.batch_size}; 0 for training kinds, whose fits pool batch sizes
 */
public record FitGroup(Response response, String hardware, String kind, String model, int batchSize) {

    @Override
    public String toString() {
        return hardware + "/" + kind + "/" + model + (batchSize == 0 ? "" : "/batch " + batchSize) + " " + response.column();
    }
}
