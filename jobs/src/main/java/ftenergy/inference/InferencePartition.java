package ftenergy.inference;

import com.typesafe.config.ConfigFactory;
import ftenergy.config.ConfigReader;
import ftenergy.data.Example;
import ftenergy.live.AttemptIdentity;
import ftenergy.live.LiveAttempt;
import ftenergy.sparktask.TaskAttemptNumber;
import ftenergy.sparktask.TaskCpus;
import ftenergy.sparktask.TaskGpus;
import ftenergy.predict.HeadOutput;
import ftenergy.predict.Prediction;
import ftenergy.predict.Predictor;
import ftenergy.meter.EnergyMeter;
import ftenergy.meter.Measurement;
import ftenergy.meter.MeterSettings;
import ftenergy.meter.MeteredWork;
import ftenergy.provenance.RuntimeVersions;
import ftenergy.run.HostInfo;
import ftenergy.text.Encoded;
import ftenergy.train.EngineVersions;
import ftenergy.train.TorchThreads;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * One partition of {@link BertInference}: takes the JVM's metered-work slot, opens the meter on
 * the task's GPUs (or the CPU), loads the checkpoint once, then streams the partition through it
 * batch by batch, in order, appending prediction and measurement columns to each row. A partition
 * of a sweep's inference run is the JVM's {@link LiveAttempt} while it runs.
 *
 * <p>A batch's seconds and joules run from its first row's tokenization to its predictions read
 * back from the device. Two meter windows frame the partition: the whole of it (model loading
 * included) and its batches alone; both are logged on the executor when the partition ends.
 *
 * <p>A measurement must outlast the meter's sampling to mean anything: where no energy counter is
 * readable the energy is integrated from samples, and a window of one or two sample intervals is
 * mostly extrapolation. So when the partition's rows have all been predicted and the batches'
 * window is shorter than {@link #SAMPLES_PER_MEASUREMENT} sample intervals
 * ({@code ftenergy.meter.sample-interval}), the partition predicts its rows again, the same batches
 * doing the same work (tokenizing, forward pass, decoding), pass after pass, until it is that long;
 * only the first pass's rows are output. A partition whose first pass is long enough makes one
 * pass, and keeps no rows for a repeat once it is.
 */
final class InferencePartition implements MapPartitionsFunction<Row, Row> {

    /** Meter sample intervals the batches' window of a partition spans at least. */
    static final int SAMPLES_PER_MEASUREMENT = 10;

    /**
     * What to run, resolved on the driver.
     *
     * @param textIndex index of the text column, -1 with token ids
     * @param pairIndex index of the second text (pair, or QA context), -1 for none
     * @param idsIndex index of the token-id column, -1 with text
     * @param typeIdsIndex index of the segment-id column, -1 for all zeros
     * @param meterHocon {@code ftenergy.meter} settings as HOCON; reference defaults fill the rest
     * @param measurements receives each partition's measurement when it ends; {@code null} for none
     * @param attempt the sweep's run attempt the partition measures; {@code null} outside a sweep
     *     (the partition is then no {@link LiveAttempt})
     */
    record Plan(String checkpoint, int textIndex, int pairIndex, int idsIndex, int typeIdsIndex, int batchSize,
            int maxLength, String meterHocon, InferenceColumns columns,
            CollectionAccumulator<PartitionMeasurement> measurements, AttemptIdentity attempt) implements Serializable {}

    private final Plan plan;

    InferencePartition(Plan plan) {
        this.plan = plan;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        if (!input.hasNext()) {
            return Collections.emptyIterator();
        }
        return new Stream(input);
    }

    /** The partition's rows with predictions, produced a batch at a time as Spark pulls them. */
    private final class Stream implements Iterator<Row> {

        private final Iterator<Row> input;
        private final Deque<Row> ready = new ArrayDeque<>();
        private final String partition;
        private final MeteredWork.Held slot;
        private final EnergyMeter meter;
        /** {@code null} when the partition is no sweep's attempt. */
        private final LiveAttempt live;
        private final Predictor predictor;
        private final String energySource;
        private final List<BatchMeasurement> batches = new ArrayList<>();
        private final long shortestBatchesNanos;
        private final long batchesStartNanos;
        /** The first pass's batches, kept for repeats while the batches' window is still short; null once it is not. */
        private List<List<Row>> firstPass = new ArrayList<>();
        private int passes = 1;
        private long rowsRead;
        private boolean closed;

        Stream(Iterator<Row> input) {
            this.input = input;
            TaskContext task = TaskContext.get();
            partition = task == null ? "p0" : "p" + task.partitionId() + "-a" + task.attemptNumber();
            List<String> gpus = TaskGpus.addresses();
            MeteredWork.Held held = MeteredWork.acquire();
            TaskCpus.limitTorchThreads();
            EnergyMeter opened = null;
            LiveAttempt registered = null;
            try {
                MeterSettings settings = meterSettings();
                shortestBatchesNanos = settings.sampleInterval().multipliedBy(SAMPLES_PER_MEASUREMENT).toNanos();
                opened = EnergyMeter.open(settings, gpus);
                if (plan.attempt() != null) {
                    registered = LiveAttempt.start(plan.attempt(), TaskAttemptNumber.current(), opened);
                }
                opened.begin("partition");
                predictor = Predictor.open(Path.of(plan.checkpoint()), gpus, plan.maxLength());
                // Its own window, exact at its edges: the batches' energies are extrapolated between the
                // meter's samples, too coarse to tell loading from inference in a partition of a second.
                opened.begin("batches");
                batchesStartNanos = System.nanoTime();
            } catch (RuntimeException e) {
                if (registered != null) {
                    registered.close();
                }
                if (opened != null) {
                    opened.close();
                }
                held.close();
                throw e;
            }
            slot = held;
            meter = opened;
            live = registered;
            energySource = source(meter.provenance());
            if (task != null) {
                // Also when Spark stops pulling early (a limit, a failed task): free model, meter and slot.
                task.addTaskCompletionListener((TaskCompletionListener) context -> close());
            }
        }

        private MeterSettings meterSettings() {
            ConfigReader in = new ConfigReader(ConfigFactory.parseString(plan.meterHocon())
                    .withFallback(ConfigFactory.defaultReference()).resolve());
            MeterSettings settings = MeterSettings.read(in);
            in.finish();
            return settings;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && !closed) {
                if (input.hasNext()) {
                    List<Row> rows = new ArrayList<>(plan.batchSize());
                    while (rows.size() < plan.batchSize() && input.hasNext()) {
                        rows.add(input.next());
                    }
                    ready.addAll(predictBatch(rows));
                    keepForRepeats(rows);
                } else {
                    repeatUntilMeasurable();
                    close();
                }
            }
            return !ready.isEmpty();
        }

        private void keepForRepeats(List<Row> rows) {
            if (firstPass != null && batchesNanos() < shortestBatchesNanos) {
                firstPass.add(rows);
            } else {
                firstPass = null;
            }
        }

        /** Predicts the first pass's batches again, a whole pass at a time, until the batches' window is long enough. */
        private void repeatUntilMeasurable() {
            while (firstPass != null && !firstPass.isEmpty() && batchesNanos() < shortestBatchesNanos) {
                passes++;
                for (List<Row> rows : firstPass) {
                    predictBatch(rows);
                }
            }
            firstPass = null;
        }

        private long batchesNanos() {
            return System.nanoTime() - batchesStartNanos;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        /** Predicts one batch of rows and returns them with their prediction and measurement columns. */
        private List<Row> predictBatch(List<Row> rows) {
            double joulesBefore = meter.joulesSoFar();
            long started = System.nanoTime();
            List<Example> examples = new ArrayList<>(rows.size());
            List<Encoded> encodings = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (passes == 1) {
                    rowsRead++;
                }
                String where = "row " + rowsRead + " of partition " + partition;
                try {
                    Encoded encoded = plan.idsIndex() >= 0 ? null : predictor.encode(text(row, plan.textIndex()),
                            plan.pairIndex() < 0 ? null : text(row, plan.pairIndex()));
                    encodings.add(encoded);
                    examples.add(encoded != null ? predictor.example(where, encoded)
                            : predictor.example(where, ids(row, plan.idsIndex()), typeIds(row)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            List<HeadOutput> outputs = predictor.predict(examples);
            double seconds = (System.nanoTime() - started) / 1e9;
            double joules = meter.joulesSoFar() - joulesBefore;
            String batch = partition + "-b" + (batches.size() + 1);
            int seqLen = examples.stream().mapToInt(Example::length).max().orElse(0);
            BatchMeasurement measured = new BatchMeasurement(batch, passes, rows.size(), seqLen,
                    examples.stream().mapToLong(Example::length).sum(), seconds, joules, Instant.now());
            batches.add(measured);
            if (live != null) {
                live.stepEnded(measured.tokensReal(), measured.tokensPadded(), seconds);
            }
            List<Row> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String pair = plan.pairIndex() < 0 ? null : row.getString(plan.pairIndex());
                Prediction p = predictor.describe(outputs.get(i), examples.get(i), encodings.get(i), pair);
                List<Object> values = new ArrayList<>(row.size() + 11);
                for (int c = 0; c < row.size(); c++) {
                    values.add(row.get(c));
                }
                values.addAll(predictionValues(p, outputs.get(i)));
                values.addAll(List.of(batch, rows.size(), seqLen, examples.get(i).length(), seconds / rows.size(),
                        joules / rows.size(), predictor.device().toString(), energySource));
                out.add(RowFactory.create(values.toArray()));
            }
            return out;
        }

        private List<Object> predictionValues(Prediction p, HeadOutput output) {
            return switch (plan.columns().head()) {
                case SEQUENCE_CLASSIFICATION -> List.of(p.label(), p.labelIndex(), p.score());
                case TOKEN_CLASSIFICATION -> List.of(scala.jdk.javaapi.CollectionConverters.asScala(p.tags()).toSeq());
                case SPAN_QA -> List.of(p.answer(), output.span().start(), output.span().end(), output.score(),
                        output.nullScore());
                case MASKED_LM -> throw new IllegalStateException("refused on the driver");
            };
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                Measurement batchesWindow = meter.end("batches");
                Measurement window = meter.end("partition");
                if (live != null) {
                    // the last delivery then holds the window's closing reading
                    live.close();
                }
                double batchJoules = batchesWindow.totalJoules();
                if (plan.measurements() != null) {
                    plan.measurements().add(new PartitionMeasurement(partition, HostInfo.of(meter.host(), TorchThreads.intraOp()),
                            predictor.device().toString(), predictor.parameterCount(), window, batchesWindow, passes, batches,
                            meter.samples(), RuntimeVersions.jvm().with(EngineVersions.current())
                            .with("nvidia-driver", meter.host().gpuDriver())));
                }
                long examples = batches.stream().mapToLong(BatchMeasurement::size).sum();
                System.err.println(String.format(Locale.ROOT,
                        "inference partition %s: %d rows in %d pass(es), %d batches of up to %d on %s, %.2f s, %.3f J in"
                                + " batches (%.4f J/example over %d examples), %.3f J with model loading [%s]",
                        partition, rowsRead, passes, batches.size(), plan.batchSize(), predictor.device(),
                        window.durationSeconds(), batchJoules, examples == 0 ? Double.NaN : batchJoules / examples, examples,
                        window.totalJoules(), energySource));
            } finally {
                try {
                    if (live != null) {
                        live.close();
                    }
                    predictor.close();
                    meter.close();
                } finally {
                    slot.close();
                }
            }
        }
    }

    private static String text(Row row, int index) {
        requireValue(row, index);
        return row.getString(index);
    }

    private static int[] ids(Row row, int index) {
        requireValue(row, index);
        List<Integer> list = row.getList(index);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void requireValue(Row row, int index) {
        if (row.isNullAt(index)) {
            String name = row.schema() == null ? "#" + index : row.schema().fields()[index].name();
            throw new IllegalArgumentException("column '" + name + "' is null");
        }
    }

    private int[] typeIds(Row row) {
        int[] ids = ids(row, plan.idsIndex());
        if (plan.typeIdsIndex() < 0 || row.isNullAt(plan.typeIdsIndex())) {
            return new int[ids.length];
        }
        int[] types = ids(row, plan.typeIdsIndex());
        if (types.length != ids.length) {
            throw new IllegalArgumentException(types.length + " type ids for " + ids.length + " token ids");
        }
        return types;
    }

    private static String source(Map<String, String> provenance) {
        StringBuilder out = new StringBuilder();
        provenance.forEach((component, label) -> out.append(out.length() == 0 ? "" : ",").append(component).append('=').append(label));
        return out.toString();
    }
}
