package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.model.BertConfig;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;
import ftenergy.model.SpecialTokens;
import ftenergy.model.TaskHead;
import ftenergy.model.NoGrad;
import ftenergy.train.DistillLoss;
import ftenergy.train.MaskingPolicy;
import java.util.Map;
import java.util.Random;

/**
 * Distillation the DistilBERT way: a student with a fraction of the teacher's layers, initialised
 * from every {@code k}-th teacher layer (every other one for half the layers), trained on the
 * masked corpus against the frozen teacher with {@link DistillLoss}'s three terms. Both models
 * read the same masked input; the soft-target and cosine terms run over every real token, the
 * masked-LM term over the masked ones. Scored as the student's masked-LM loss.
 */
public final class DistillationTask implements HeadTask {

    private final BertModel teacher;
    private final BertModel student;
    private final DistillLoss weights;
    private final MlmMasker masker;
    private final MaskedLmTask studentScore;

    /**
     * @param teacher masked-LM teacher; its parameters are frozen here
     * @param student masked-LM student of the same width (see {@link #initialiseStudent})
     */
    public DistillationTask(BertModel teacher, BertModel student, DistillLoss weights, MaskingPolicy policy,
            SpecialTokens specials, Random random) {
        this.teacher = teacher;
        this.student = student;
        this.weights = weights;
        teacher.freezeParameters(true);
        masker = new MlmMasker(policy, specials, student.config().vocabSize(), random);
        studentScore = new MaskedLmTask(student, policy, specials, new Random(0));
    }

    /**
     * Builds a student with {@code layers} layers on {@code manager} and copies the teacher into it:
     * embeddings, pooler and masked-LM head whole, student layer {@code i} from teacher layer
     * {@code i × (teacher layers / layers)}.
     */
    public static BertModel initialiseStudent(BertModel teacher, int layers, NDManager manager) {
        BertConfig config = teacher.config();
        int teacherLayers = config.numHiddenLayers();
        if (layers <= 0 || layers > teacherLayers || teacherLayers % layers != 0) {
            throw new IllegalArgumentException("a student of " + layers + " layers cannot take every k-th of the "
                    + "teacher's " + teacherLayers + " layers; use a divisor of " + teacherLayers);
        }
        int stride = teacherLayers / layers;
        BertModel student = BertModel.create(config.withLayers(layers), TaskHead.maskedLm()).initialize(manager);
        Map<String, Parameter> source = teacher.namedParameters();
        NoGrad.run(() -> {
            for (Map.Entry<String, Parameter> entry : student.namedParameters().entrySet()) {
                String from = teacherName(entry.getKey(), stride);
                NDArray target = entry.getValue().getArray();
                target.subi(target).addi(source.get(from).getArray());
            }
        });
        return student;
    }

    /** {@code bert.encoder.layer.i.x} to {@code bert.encoder.layer.(i × stride).x}; other names unchanged. */
    static String teacherName(String studentName, int stride) {
        String prefix = "bert.encoder.layer.";
        if (!studentName.startsWith(prefix)) {
            return studentName;
        }
        int dot = studentName.indexOf('.', prefix.length());
        int layer = Integer.parseInt(studentName.substring(prefix.length(), dot));
        return prefix + layer * stride + studentName.substring(dot);
    }

    @Override
    public String headline() {
        return studentScore.headline();
    }

    @Override
    public NDArray loss(ParameterStore store, Batch batch, NDManager manager) {
        MlmMasker.Masked masked = masker.mask(batch);
        long[] real = realPositions(batch);
        ModelInput input = ModelInput.of(batch, masked.inputIds(), manager);
        NDArray realRows = manager.create(real);
        int hidden = student.config().hiddenSize();

        NDArray teacherHidden = teacher.encode(store, input, false).reshape(-1, hidden).get(realRows);
        NDArray teacherLogits = teacher.mlmLogits(store, teacherHidden, false);
        NDArray studentHidden = student.encode(store, input, true).reshape(-1, hidden).get(realRows);
        NDArray studentLogits = student.mlmLogits(store, studentHidden, true);

        // float scalars: a double would promote the 0-d loss terms to float64.
        float t = (float) weights.temperature();
        NDArray teacherLogP = teacherLogits.div(t).logSoftmax(1);
        NDArray studentLogP = studentLogits.div(t).logSoftmax(1);
        NDArray softTargets = teacherLogP.exp().mul(teacherLogP.sub(studentLogP)).sum().div((float) real.length)
                .mul(t * t);

        NDArray maskedRows = manager.create(rowsOf(masked.positions(), real));
        NDArray mlm = CrossEntropy.mean(studentLogits.get(maskedRows), manager.create(masked.labels()));

        NDArray dot = studentHidden.mul(teacherHidden).sum(new int[] {1});
        NDArray norms = studentHidden.norm(new int[] {1}).mul(teacherHidden.norm(new int[] {1})).maximum(1e-8f);
        NDArray cosine = dot.div(norms).mean().neg().add(1f);

        return softTargets.mul((float) weights.ceWeight())
                .add(mlm.mul((float) weights.mlmWeight()))
                .add(cosine.mul((float) weights.cosineWeight()));
    }

    private static long[] realPositions(Batch batch) {
        long[] positions = new long[(int) batch.tokensReal()];
        int next = 0;
        for (int row = 0; row < batch.size(); row++) {
            for (int col = 0; col < batch.examples().get(row).length(); col++) {
                positions[next++] = (long) row * batch.seqLen() + col;
            }
        }
        return positions;
    }

    /** Index of each masked position within the (ascending) real positions. */
    private static long[] rowsOf(long[] maskedPositions, long[] real) {
        long[] rows = new long[maskedPositions.length];
        int r = 0;
        for (int i = 0; i < maskedPositions.length; i++) {
            while (real[r] != maskedPositions[i]) {
                r++;
            }
            rows[i] = r;
        }
        return rows;
    }

    @Override
    public Evaluation newEvaluation() {
        return studentScore.newEvaluation();
    }
}
